// A, B and C under the same load, so the machine's noise hits all three alike; the figures that matter are the
// ratios. A and C alternate in slices (A, C, A, C…) because the neighbours on a shared machine come and go.
import type { ChildServer } from './child-server.js';
import { type LoadFigures, runLoad } from './measure/load.js';

export interface ReceiverComparison {
  A: LoadFigures;
  /** null when B could not load its store (see bUnavailable) */
  B: LoadFigures | null;
  C: LoadFigures;
  /** B with one connection, three requests one after another: its best case, since its writes serialize */
  bSequential: { p50Ms: number; reqPerSec: number } | null;
  /** why B has no figures at this size (it could not load its store: out of memory, string too long), or null */
  bUnavailable: string | null;
  /** throughput ratios */
  cOverA: number;
  /** from the 50-connection run; from B's sequential best case when B acknowledged nothing in its run; null without B */
  cOverB: number | null;
  cOverBFromSequential: boolean;
  /** p99 latency of C over p99 of A */
  p99COverA: number;
}

export interface CompareOptions {
  tag: string;
  /** seconds of load for each server, split into `rounds` slices for A and C */
  durationS: number;
  rounds: number;
  connections: number;
  /** a short run first so the JIT has compiled the hot paths; skipped for B, whose time is all in lowdb */
  warmupS: number;
  /** waits until C has written the checkpoint its slice made due, so that write does not land in A's slice */
  settleC: () => Promise<void>;
}

export async function compareReceivers(
  servers: { A: ChildServer; B: ChildServer | { unavailable: string }; C: ChildServer },
  options: CompareOptions,
): Promise<ReceiverComparison> {
  const run = (server: ChildServer, label: string, durationS: number, connections = options.connections) =>
    runLoad({ port: server.receiverPort, prefix: `${options.tag}-${label}`, connections, durationS, timeoutS: 60 });
  if (options.warmupS > 0) {
    await run(servers.A, 'warm', options.warmupS);
    await run(servers.C, 'warm', options.warmupS);
    await options.settleC();
  }
  const slices: { A: LoadFigures[]; C: LoadFigures[] } = { A: [], C: [] };
  for (let round = 0; round < options.rounds; round++) {
    slices.A.push(await run(servers.A, `A${round}`, options.durationS / options.rounds));
    slices.C.push(await run(servers.C, `C${round}`, options.durationS / options.rounds));
    await options.settleC();
  }
  const A = combine(slices.A);
  const C = combine(slices.C);
  const cOverA = C.reqPerSec / A.reqPerSec;
  const p99COverA = C.p99Ms / A.p99Ms;
  if ('unavailable' in servers.B) {
    const bUnavailable = servers.B.unavailable;
    return {
      A,
      B: null,
      C,
      bSequential: null,
      bUnavailable,
      cOverA,
      cOverB: null,
      cOverBFromSequential: false,
      p99COverA,
    };
  }
  const probe = await runLoad({
    port: servers.B.receiverPort,
    prefix: `${options.tag}-B1`,
    connections: 1,
    amount: 3,
    timeoutS: 120,
  });
  const bSequential = { p50Ms: probe.p50Ms, reqPerSec: probe.reqPerSec };
  const B = await run(servers.B, 'B', options.durationS);
  const cOverBFromSequential = B.acknowledged === 0;
  return {
    A,
    B,
    C,
    bSequential,
    bUnavailable: null,
    cOverA,
    cOverB: C.reqPerSec / (cOverBFromSequential ? bSequential.reqPerSec : B.reqPerSec),
    cOverBFromSequential,
    p99COverA,
  };
}

/** Throughput over all slices; latency percentiles as the median of the slices' (autocannon gives no histogram). */
export function combine(slices: LoadFigures[]): LoadFigures {
  const sum = (pick: (f: LoadFigures) => number) => slices.reduce((total, f) => total + pick(f), 0);
  const median = (pick: (f: LoadFigures) => number) => {
    const values = slices.map(pick).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? Number.NaN;
  };
  const wallMs = sum((f) => f.wallMs);
  return {
    reqPerSec: sum((f) => f.acknowledged) / (wallMs / 1000),
    p50Ms: median((f) => f.p50Ms),
    p99Ms: median((f) => f.p99Ms),
    acknowledged: sum((f) => f.acknowledged),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    timeouts: sum((f) => f.timeouts),
    wallMs,
  };
}
