// B's large store: the seeded products and feed recorded the naive way, written exactly as lowdb's JSONFile writes
// it (JSON.stringify with two-space indentation) but streamed a record at a time, so it can be written at any size
// even where B itself can no longer read it back.
import fs from 'node:fs';
import { type NaiveData, recordNaively } from '../servers/naive-data.js';
import { pastPointsOf } from './past.js';
import { feedProduct, type SeedPlan, seedItemId } from './plan.js';
import { seedBody } from './product-state.js';
import { countRecentChanges } from './recent.js';

type NaiveProduct = NaiveData['products'][string];
type NaiveEntry = NaiveData['feed'][number];

/** Writes B's file for the plan's products and feed; returns its size in bytes. */
export function writeNaiveSeed(file: string, plan: SeedPlan): number {
  const recentChanges = countRecentChanges(plan);
  return writeNaiveJson(file, naiveProducts(plan, recentChanges), naiveFeed(plan, recentChanges));
}

/** Streams `{ products, feed }` in JSON.stringify(data, null, 2)'s exact layout. */
export function writeNaiveJson(
  file: string,
  products: Iterable<[string, NaiveProduct]>,
  feed: Iterable<NaiveEntry>,
): number {
  const out = new BufferedFile(file);
  out.write('{\n  "products": {');
  let first = true;
  for (const [key, product] of products) {
    out.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(key)}: ${indented(product)}`);
    first = false;
  }
  out.write(first ? '},\n  "feed": [' : '\n  },\n  "feed": [');
  first = true;
  for (const entry of feed) {
    out.write(`${first ? '\n' : ',\n'}    ${indented(entry)}`);
    first = false;
  }
  out.write(first ? ']\n}' : '\n  ]\n}');
  return out.close();
}

function indented(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

/** Each product as its latest postback left it (recordNaively keeps the body, the key and the time). */
function* naiveProducts(plan: SeedPlan, recentChanges: Uint16Array): Generator<[string, NaiveProduct]> {
  const at = new Date(plan.nowMs).toISOString();
  for (let n = 0; n < plan.products; n++) {
    const last = pastPointsOf(plan, n, recentChanges) + (recentChanges[n] ?? 0) - 1;
    const body = JSON.parse(seedBody(n, last)) as Record<string, string>;
    const key = `${body.CatalogId}:${seedItemId(n)}`;
    yield [key, { ...body, key, updatedAt: at }];
  }
}

/** The feed's entries, each made by recordNaively from the product's previous and next postback. */
function* naiveFeed(plan: SeedPlan, recentChanges: Uint16Array): Generator<NaiveEntry> {
  const seen = new Uint16Array(plan.products);
  const msPerEntry = (plan.nowMs - plan.recentFromMs) / plan.feedEntries;
  for (let i = 0; i < plan.feedEntries; i++) {
    const n = feedProduct(plan, i);
    const k = pastPointsOf(plan, n, recentChanges) + (seen[n] ?? 0);
    seen[n] = (seen[n] ?? 0) + 1;
    const data: NaiveData = { products: {}, feed: [] };
    const previous = JSON.parse(seedBody(n, k - 1)) as Record<string, string>;
    data.products[`${previous.CatalogId}:${previous.CatalogItemId}`] = previous;
    const at = new Date(plan.recentFromMs + i * msPerEntry).toISOString();
    recordNaively(data, JSON.parse(seedBody(n, k)) as Record<string, string>, at);
    yield { ...(data.feed[0] as NaiveEntry), id: String(i + 1) };
  }
}

/** Appends text in ~1 MB writes. */
class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private buffered = 0;
  private bytes = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.buffered += text.length;
    if (this.buffered >= 1 << 20) this.flush();
  }

  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    this.bytes += fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.buffered = 0;
  }
}
