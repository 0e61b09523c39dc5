// The issues' targets (5, 10, 11 and 17), each checked against the figures of this run.
import type { BenchFigures, TargetCheck } from './figures.js';

/** Above this many products the issue allows more memory at ready. */
const LARGE_STORE_PRODUCTS = 1_000_000;

export function checkTargets(f: BenchFigures): TargetCheck[] {
  const atLeast = (target: string, value: number | null, min: number, note?: string): TargetCheck => ({
    target,
    value,
    limit: `≥ ${min}`,
    pass: value === null ? null : value >= min,
    ...(note ? { note } : {}),
  });
  const atMost = (target: string, value: number | null, max: number): TargetCheck => ({
    target,
    value,
    limit: `≤ ${max}`,
    pass: value === null ? null : value <= max,
  });
  const rssAtReadyMax = f.seed.products > LARGE_STORE_PRODUCTS ? 300 : 250;
  const bMissing = f.receiver.large.bUnavailable;
  return [
    atMost('start-up to ready, ms (large store)', f.startup.spawnToReadyMs, 1000),
    atMost('resident memory at ready, MB (large store)', f.startup.rssMb, rssAtReadyMax),
    atMost('resident memory after the burst, MB (large store)', f.startup.rssAfterBurstMb, 300),
    atLeast('C/A req/s, empty store', f.receiver.empty.cOverA, 0.6),
    atLeast('C/A req/s, large store', f.receiver.large.cOverA, 0.6),
    atMost('burst: T_feed / T_ack (large store)', f.burst.large.feedToAckRatio, 1.5),
    atMost('feed page p99, ms (worst case)', f.feedPage.worstP99Ms, 25),
    atMost('product page p99, ms (200 history points)', f.productPage.p99Ms, 20),
    atMost('p99 C / p99 A, empty store', f.receiver.empty.p99COverA, 3),
    atMost('p99 C / p99 A, large store', f.receiver.large.p99COverA, 3),
    atLeast(
      'C/B req/s, large store',
      f.receiver.large.cOverB,
      20,
      bMissing ? `B could not load: ${bMissing}` : undefined,
    ),
    atMost('feed view first render, ms (cold)', f.firstRender.coldMs, 1000),
    ...(f.fanout
      ? [
          atMost(
            `hub fan-out: p99 200 → all ${f.fanout.followers} followers, ms (${f.fanout.ratePerSecond}/s)`,
            f.fanout.delayP99Ms,
            1000,
          ),
          atMost('hub fan-out: postbacks some follower never got', f.fanout.missing, 0),
        ]
      : []),
    ...(f.channels
      ? [
          atLeast('channels: receiver C/A with a channel (60 s digest) ÷ without', f.channels.onOverOff, 0.95),
          atMost('channels: alerts the webhook never got', f.channels.missing, 0),
        ]
      : []),
    ...(f.pages && f.pages.pages >= 10_000
      ? [
          atMost(`your pages: first scan of ${f.pages.pages} pages, s`, f.pages.firstScanMs / 1000, 120),
          atMost('your pages: unchanged rescan (all 304), s', f.pages.unchangedScanMs / 1000, 20),
          atMost('your pages: resident memory growth during the scans, MB', f.pages.rssGrowthMb, 50),
        ]
      : []),
  ];
}
