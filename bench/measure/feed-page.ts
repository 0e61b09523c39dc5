// p99 of one feed page (50 entries) for each filter, with and without a search term, measured sequentially from
// the bench process against C's UI API (so the figure is the server's answer time plus loopback, nothing queued).
import { SEARCH_TERM } from '../postback-body.js';
import { getJson, percentile } from './ui-api.js';

export interface FeedPageCase {
  filter: 'all' | 'watched' | 'alerts';
  q: string | null;
  p50Ms: number;
  p99Ms: number;
  /** entries on the page: a case that finds nothing would not measure what the UI does */
  items: number;
}

export interface FeedPageFigures {
  requestsPerCase: number;
  cases: FeedPageCase[];
  worstP99Ms: number;
}

export async function measureFeedPages(uiPort: number, requestsPerCase: number): Promise<FeedPageFigures> {
  const cases: FeedPageCase[] = [];
  for (const filter of ['all', 'watched', 'alerts'] as const) {
    for (const q of [null, SEARCH_TERM]) {
      const query = `/api/feed?limit=50&filter=${filter}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < requestsPerCase; i++) {
        const { body, ms } = await getJson<{ items: unknown[] }>(uiPort, query);
        times.push(ms);
        items = body.items.length;
      }
      cases.push({ filter, q, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), items });
    }
  }
  return { requestsPerCase, cases, worstP99Ms: Math.max(...cases.map((c) => c.p99Ms)) };
}
