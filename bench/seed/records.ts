// The journal records behind a large store: a few watches first, then every product inserted once and updated
// once (a price drop), so N products make 2N feed entries and the watched ones raise alerts.
import type { JournalRecord } from '../../main/engine/journal/record.js';
import type { Watch } from '../../shared/model.js';
import { BENCH_CATALOG, basePrice, postbackBody } from '../postback-body.js';

const DAY_MS = 86_400_000;
/** one product in this many is watched */
export const WATCH_EVERY = 100;

export function seedItemId(n: number): string {
  return `seed-${String(n).padStart(7, '0')}`;
}

/** Yields records in sequence order; their times spread over the last six days, inside the journal's retention. */
export function* seedRecords(products: number, now = Date.now()): Generator<JournalRecord> {
  const watches = Math.ceil(products / WATCH_EVERY);
  const total = watches + products * 2;
  const start = now - 6 * DAY_MS;
  const step = (6 * DAY_MS) / total;
  let seq = 0;
  const next = () => ({ seq: ++seq, at: Math.round(start + seq * step) });

  for (let w = 0; w < watches; w++) {
    const { seq: s, at } = next();
    const watch: Watch = {
      id: `bench-watch-${w}`,
      target: { catalogId: BENCH_CATALOG, catalogItemId: seedItemId(w * WATCH_EVERY) },
      rules: [{ kind: 'price-below', value: 60 }, { kind: 'price-change' }],
      muted: false,
      createdAt: new Date(at).toISOString(),
    };
    yield { type: 'command', command: { kind: 'createWatch', watch }, seq: s, at };
  }
  for (const operation of ['Insert', 'Update'] as const) {
    for (let n = 0; n < products; n++) {
      const price = operation === 'Insert' ? basePrice(n) : Math.round(basePrice(n) * 80) / 100;
      const body = postbackBody({ itemId: seedItemId(n), n, operation, price });
      yield { type: 'postback', raw: rawJson(body), ...next() };
    }
  }
}

function rawJson(body: string) {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'impact.com',
  };
  return { method: 'POST', query: '', contentType: 'application/json', headers, body };
}
