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

/** The cases take turns, request by request, so a noisy moment on a shared machine hits them all alike. */
export async function measureFeedPages(uiPort: number, requestsPerCase: number): Promise<FeedPageFigures> {
  const cases = (['all', 'watched', 'alerts'] as const).flatMap((filter) =>
    [null, SEARCH_TERMS.selective, SEARCH_TERMS.broad].map((q) => ({
      filter,
      q,
      query: `/api/feed?limit=50&filter=${filter}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      times: [] as number[],
      items: 0,
      hasNext: false,
    })),
  );
  for (let i = 0; i < requestsPerCase; i++) {
    for (const c of cases) {
      const { body, ms } = await getJson<{ items: unknown[]; next: string | null }>(uiPort, c.query);
      c.times.push(ms);
      c.items = body.items.length;
      c.hasNext = body.next !== null;
    }
  }
  const figures = cases.map(({ filter, q, times, items, hasNext }) => ({
    filter,
    q,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    items,
    hasNext,
  }));
  return { requestsPerCase, cases: figures, worstP99Ms: Math.max(...figures.map((c) => c.p99Ms)) };
}
