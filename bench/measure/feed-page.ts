// p99 of one feed page (50 entries) for each filter, without a search term and with a selective and a broad one,
// measured sequentially from the bench process against C's UI API (the server's answer time plus loopback).
import { SEARCH_TERMS } from '../postback-body.js';
import { getJson, percentile } from './ui-api.js';

export interface FeedPageCase {
  filter: 'all' | 'watched' | 'alerts';
  q: string | null;
  p50Ms: number;
  p99Ms: number;
  /** entries on the page: a case that finds nothing would not measure what the UI does */
  items: number;
  /** whether the page says more may follow (a scan that ran out of its time budget returns a cursor) */
  hasNext: boolean;
}

export interface FeedPageFigures {
  requestsPerCase: number;
  cases: FeedPageCase[];
  worstP99Ms: number;
}

export async function measureFeedPages(uiPort: number, requestsPerCase: number): Promise<FeedPageFigures> {
  const cases: FeedPageCase[] = [];
  for (const filter of ['all', 'watched', 'alerts'] as const) {
    for (const q of [null, SEARCH_TERMS.selective, SEARCH_TERMS.broad]) {
      const query = `/api/feed?limit=50&filter=${filter}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      const times: number[] = [];
      let items = 0;
      let hasNext = false;
      for (let i = 0; i < requestsPerCase; i++) {
        const { body, ms } = await getJson<{ items: unknown[]; next: string | null }>(uiPort, query);
        times.push(ms);
        items = body.items.length;
        hasNext = body.next !== null;
      }
      cases.push({ filter, q, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), items, hasNext });
    }
  }
  return { requestsPerCase, cases, worstP99Ms: Math.max(...cases.map((c) => c.p99Ms)) };
}
