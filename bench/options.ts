// The bench's command line: `npm run bench -- [--products 1000000] [--quick] [--profile] [--no-fanout] [--no-channels]
// [--no-pages] [--sizes a,b,c] ...`.
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** seconds per load run */
  durationS: number;
  /** A and C are loaded alternately this many times (A, C, A, C…) so a noisy neighbour hits both alike */
  rounds: number;
  connections: number;
  /** products in the large store */
  products: number;
  /** feed entries in the large store (the retention default, 200,000, whatever the product count) */
  feedEntries: number;
  /** instead of the full run: the size curve (start-up, memory, page times) at each of these product counts */
  sizes: number[] | null;
  burst: number;
  feedRequests: number;
  /** product page requests (random products with a full history) */
  productRequests: number;
  /** also run C under --cpu-prof and summarize */
  profile: boolean;
  /** build the renderer into the bench's temp folder instead of using dist/renderer */
  buildUi: boolean;
  ui: boolean;
  /** also measure the hub fan-out figure (issue 11) */
  fanout: boolean;
  /** also measure the alert-channel figure (issue 17) */
  channels: boolean;
  /** also measure the page-scan figure (issue 18: a 10,000-page site) */
  pages: boolean;
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
      feed: { type: 'string' },
      sizes: { type: 'string' },
      'product-requests': { type: 'string' },
      burst: { type: 'string' },
      'feed-requests': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'build-ui': { type: 'boolean', default: false },
      'no-ui': { type: 'boolean', default: false },
      'no-fanout': { type: 'boolean', default: false },
      'no-channels': { type: 'boolean', default: false },
      'no-pages': { type: 'boolean', default: false },
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
    products: num(values.products, quick ? 2_000 : 1_000_000),
    feedEntries: num(values.feed, quick ? 4_000 : 200_000),
    sizes: values.sizes ? values.sizes.split(',').map((size) => num(size, 0)) : null,
    burst: num(values.burst, quick ? 500 : 20_000),
    feedRequests: num(values['feed-requests'], quick ? 20 : 300),
    productRequests: num(values['product-requests'], quick ? 20 : 500),
    profile: values.profile ?? false,
    buildUi: values['build-ui'] ?? false,
    ui: !(values['no-ui'] ?? false),
    fanout: !(values['no-fanout'] ?? false),
    channels: !(values['no-channels'] ?? false),
    pages: !(values['no-pages'] ?? false),
    out: path.resolve(values.out ?? 'bench-results/latest.json'),
  };
}
