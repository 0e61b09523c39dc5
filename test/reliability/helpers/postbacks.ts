// Builders for postback bodies and for sending them to the test engine.
import { request } from '../../helpers/http.js';
import type { TestEngine } from './engine-harness.js';

let counter = 0;
/** A unique item id per call, so every row of a table touches its own product. */
export function uniqueId(prefix = 'item'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function itemJson(itemId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    change: 'Update',
    catalog_id: '77',
    item_id: itemId,
    name: `Product ${itemId}`,
    price: '19.99',
    currency: 'USD',
    stock: 'InStock',
    ...extra,
  });
}

/** POSTs a body to the postback URL (or another path); resolves with [status]. */
export async function post(
  test: TestEngine,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  suffix?: string,
): Promise<number[]> {
  const response = await request(test.url(suffix), { method: 'POST', headers, body });
  return [response.status];
}

export async function send(test: TestEngine, method: string, suffix?: string, body?: string): Promise<number[]> {
  const response = await request(test.url(suffix), { method, body });
  return [response.status];
}
