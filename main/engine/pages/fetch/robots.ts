// robots.txt, read once per site and scan, as RFC 9309 says: a file that says nothing about Shelfwatch allows all;
// a missing one (4xx) allows all; one that cannot be read (5xx, no answer) means nothing may be read from that host
// until it can. Crawl-delay is honoured (up to MAX_CRAWL_DELAY_S).
import robotsParser from 'robots-parser';
import { ROBOTS_AGENT } from '../../app-version.js';

export const ROBOTS_MAX_BYTES = 500 * 1024;
const MAX_CRAWL_DELAY_S = 30;

export type RobotsAnswer =
  | { kind: 'file'; text: string }
  | { kind: 'missing' }
  | { kind: 'unreachable'; problem: string };

export interface Refusal {
  problem: string;
  /** robots.txt says no (rather than: it could not be read this time) */
  disallowed: boolean;
}

export interface RobotsRules {
  /** null: allowed; else why not */
  refusal(url: string): Refusal | null;
  /** the pause the file asks for between requests, in ms (0: none) */
  crawlDelayMs: number;
}

export function robotsRules(origin: string, answer: RobotsAnswer): RobotsRules {
  if (answer.kind === 'missing') return { refusal: () => null, crawlDelayMs: 0 };
  if (answer.kind === 'unreachable') {
    const problem = `robots.txt could not be read (${answer.problem}), so nothing is read from this site until it can`;
    return { refusal: () => ({ problem, disallowed: false }), crawlDelayMs: 0 };
  }
  const robots = robotsParser(`${origin}/robots.txt`, answer.text);
  const delay = Math.min(MAX_CRAWL_DELAY_S, Math.max(0, robots.getCrawlDelay(ROBOTS_AGENT) ?? 0));
  return {
    refusal: (url) =>
      robots.isAllowed(url, ROBOTS_AGENT) === false
        ? { problem: 'robots.txt asks Shelfwatch not to read it', disallowed: true }
        : null,
    crawlDelayMs: delay * 1000,
  };
}
