// A, B and C loaded back to back with the same load, so the machine's noise hits all three alike; the figures
// that matter are the ratios.
import type { ChildServer } from './child-server.js';
import { type LoadFigures, runLoad } from './measure/load.js';

export interface ReceiverComparison {
  A: LoadFigures;
  B: LoadFigures;
  C: LoadFigures;
  /** throughput ratios */
  cOverA: number;
  /** when B acknowledged nothing in its run, B is taken as one request per run: then this is a lower bound */
  cOverB: number;
  cOverBIsLowerBound: boolean;
  /** p99 latency of C over p99 of A */
  p99COverA: number;
}

export interface CompareOptions {
  tag: string;
  durationS: number;
  connections: number;
  /** a short run first so the JIT has compiled the hot paths; skipped for B, whose time is all in lowdb */
  warmupS: number;
}

export async function compareReceivers(
  servers: { A: ChildServer; B: ChildServer; C: ChildServer },
  options: CompareOptions,
): Promise<ReceiverComparison> {
  const run = (server: ChildServer, label: string, durationS: number) =>
    runLoad({
      port: server.receiverPort,
      prefix: `${options.tag}-${label}`,
      connections: options.connections,
      durationS,
      timeoutS: 60,
    });
  if (options.warmupS > 0) {
    await run(servers.A, 'warm', options.warmupS);
    await run(servers.C, 'warm', options.warmupS);
  }
  const A = await run(servers.A, 'A', options.durationS);
  const C = await run(servers.C, 'C', options.durationS);
  const B = await run(servers.B, 'B', options.durationS);
  const bFloor = B.acknowledged > 0 ? B.reqPerSec : 1 / (B.wallMs / 1000);
  return {
    A,
    B,
    C,
    cOverA: C.reqPerSec / A.reqPerSec,
    cOverB: C.reqPerSec / bFloor,
    cOverBIsLowerBound: B.acknowledged === 0,
    p99COverA: C.p99Ms / A.p99Ms,
  };
}
