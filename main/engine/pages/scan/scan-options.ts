// How the partner's sites are read: what the engine's options (and the server face's --page-delay-ms) may change.
import type { Sleep } from '../fetch/host-queue.js';

export interface PageScanOptions {
  /** pause between two requests to one host (default 1 s; robots.txt's Crawl-delay can make it longer) */
  delayMs: number;
  /** per request (default 15 s) */
  timeoutMs: number;
  /** per page (default 5 MB) */
  maxBytes: number;
  /** false: no daily scan (tests drive scans themselves) */
  daily: boolean;
  sleep?: Sleep;
}

export const DEFAULT_PAGE_SCAN: PageScanOptions = {
  delayMs: 1_000,
  timeoutMs: 15_000,
  maxBytes: 5 * 1_048_576,
  daily: true,
};
