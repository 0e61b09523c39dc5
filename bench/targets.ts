// The targets, each checked against the figures of this run.
import type { BenchFigures } from './figures.js';

export interface TargetCheck {
  target: string;
  value: number | null;
  limit: string;
  pass: boolean | null;
}

export function checkTargets(f: BenchFigures): TargetCheck[] {
  const atLeast = (target: string, value: number | null, min: number): TargetCheck => ({
    target,
    value,
    limit: `≥ ${min}`,
    pass: value === null ? null : value >= min,
  });
  const atMost = (target: string, value: number | null, max: number): TargetCheck => ({
    target,
    value,
    limit: `≤ ${max}`,
    pass: value === null ? null : value <= max,
  });
  return [
    atLeast('C/A req/s, empty store', f.receiver.empty.cOverA, 0.6),
    atLeast('C/A req/s, large store', f.receiver.large.cOverA, 0.6),
    atMost('p99 C / p99 A, empty store', f.receiver.empty.p99COverA, 3),
    atMost('p99 C / p99 A, large store', f.receiver.large.p99COverA, 3),
    atLeast('C/B req/s, large store', f.receiver.large.cOverB, 20),
    atMost('burst: T_feed / T_ack (large store)', f.burst.large.feedToAckRatio, 1.5),
    atMost('start-up to ready, ms (large store)', f.startup.spawnToReadyMs, 2000),
    atMost('resident memory, MB (large store)', f.startup.rssMb, 300),
    atMost('feed page p99, ms (worst case)', f.feedPage.worstP99Ms, 25),
    atMost('feed view first render, ms (cold)', f.firstRender.coldMs, 1000),
  ];
}
