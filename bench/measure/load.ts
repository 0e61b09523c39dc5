// Loads a receiver with autocannon from the bench process (the server runs in its own process): unique items,
// ~400-byte JSON bodies, a fixed number of connections, for a duration or a number of requests.
import autocannon, { type Result } from 'autocannon';
import { uniqueBodies } from '../postback-body.js';
import { BENCH_SECRET } from '../servers/protocol.js';

export interface LoadOptions {
  port: number;
  /** makes item ids unique across runs against the same server */
  prefix: string;
  connections: number;
  durationS?: number;
  amount?: number;
  /** seconds before a request counts as timed out (the naive server can take many seconds per request) */
  timeoutS?: number;
}

export interface LoadFigures {
  /** acknowledged (2xx) requests per second */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  acknowledged: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  wallMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const nextBody = uniqueBodies(options.prefix);
  const started = performance.now();
  const result: Result = await autocannon({
    url: `http://127.0.0.1:${options.port}/postback/${BENCH_SECRET}`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationS ?? 10 }),
    timeout: options.timeoutS ?? 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'impact.com' },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
  const wallMs = performance.now() - started;
  return {
    reqPerSec: result['2xx'] / (wallMs / 1000),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    acknowledged: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    wallMs,
  };
}
