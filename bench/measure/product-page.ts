// p99 of the product page's call (GET /api/products/:key: the state and up to 200 history points) for random
// products that have a full history, measured sequentially from the bench process against C's UI API.

import { BENCH_CATALOG } from '../postback-body.js';
import { type SeedPlan, seedItemId, watchedProduct } from '../seed/plan.js';
import { getJson, percentile } from './ui-api.js';

export interface ProductPageFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** history points on the pages (each product has a full history: the figure is for the largest page) */
  minHistory: number;
}

export async function measureProductPages(
  uiPort: number,
  plan: SeedPlan,
  requests: number,
): Promise<ProductPageFigures> {
  const times: number[] = [];
  let minHistory = Number.POSITIVE_INFINITY;
  let state = 12_345;
  for (let i = 0; i < requests; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31; // a fixed pseudo-random order, the same every run
    const n = watchedProduct(plan, state % plan.watches);
    const key = encodeURIComponent(`${BENCH_CATALOG}:${seedItemId(n)}`);
    const { body, ms } = await getJson<{ history: unknown[] }>(uiPort, `/api/products/${key}`);
    times.push(ms);
    minHistory = Math.min(minHistory, body.history.length);
  }
  return { requests, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), minHistory };
}
