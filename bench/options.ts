// The bench's command line: `npm run bench -- [--duration 10] [--quick] [--profile] ...`.
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** seconds per load run */
  durationS: number;
  /** A and C are loaded alternately this many times (A, C, A, C…) so a noisy neighbour hits both alike */
  rounds: number;
  connections: number;
  /** products in the large store (twice as many feed entries) */
  products: number;
  burst: number;
  feedRequests: number;
  /** also run C under --cpu-prof and summarize */
  profile: boolean;
  /** build the renderer into the bench's temp folder instead of using dist/renderer */
  buildUi: boolean;
  ui: boolean;
  out: string;
}

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      products: { type: 'string' },
      burst: { type: 'string' },
      'feed-requests': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'build-ui': { type: 'boolean', default: false },
      'no-ui': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const num = (text: string | undefined, fallback: number) => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number: ${text}`);
    return value;
  };
  return {
    quick,
    durationS: num(values.duration, quick ? 1 : 10),
    rounds: num(values.rounds, quick ? 1 : 3),
    connections: num(values.connections, 50),
    products: num(values.products, quick ? 2_000 : 100_000),
    burst: num(values.burst, quick ? 500 : 20_000),
    feedRequests: num(values['feed-requests'], quick ? 20 : 300),
    profile: values.profile ?? false,
    buildUi: values['build-ui'] ?? false,
    ui: !(values['no-ui'] ?? false),
    out: path.resolve(values.out ?? 'bench-results/latest.json'),
  };
}
