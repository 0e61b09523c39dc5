// The polite reader of the partner's pages: robots.txt first (per site, once a scan), one request at a time per host
// with a pause, conditional GET, a cap on size and time, redirects followed only within the site (5 at most) and only
// to http(s). Every request of a scan goes through one PageReader, so these rules hold for all of them.
import http from 'node:http';
import https from 'node:https';
import { PAGE_READER_USER_AGENT } from '../../app-version.js';
import { parseWebUrl, sameSite } from '../links/web-url.js';
import { exchange } from './exchange.js';
import { HostQueue, realSleep, type Sleep } from './host-queue.js';
import { ROBOTS_MAX_BYTES, type RobotsRules, robotsRules } from './robots.js';

export const MAX_REDIRECTS = 5;

export interface PageReaderOptions {
  /** pause between two requests to one host (robots.txt's Crawl-delay can make it longer) */
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
  sleep?: Sleep;
}

/** Idle keep-alive connections are closed after this long (and all of them when the reader closes). */
const IDLE_SOCKET_MS = 5_000;

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export type ReadResult =
  | {
      kind: 'body';
      /** where the content came from, after redirects */
      url: string;
      contentType: string;
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; url: string }
  /** 404 or 410: the page is gone */
  | { kind: 'gone'; url: string; status: number }
  /** robots.txt asks Shelfwatch not to read it: it was not requested */
  | { kind: 'disallowed'; url: string }
  /** it serves something else than what was wanted (an image, a PDF): not read */
  | { kind: 'unwanted'; url: string; contentType: string }
  /** not read this time, and why: an error status, too large, too slow, a redirect off the site, no robots.txt… */
  | { kind: 'failed'; url: string; status: number; problem: string };

export class PageReader {
  private readonly queue: HostQueue;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly crawlDelays = new Map<string, number>();
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };

  constructor(private readonly options: PageReaderOptions) {
    this.queue = new HostQueue(
      (host) => Math.max(options.delayMs, this.crawlDelays.get(host) ?? 0),
      options.signal,
      options.sleep ?? realSleep,
    );
  }

  /** GETs `url`, following redirects within its site; `wants` decides from the content type whether to read a body. */
  async read(
    url: string,
    wants: (contentType: string) => boolean,
    conditional: Conditional = {},
    maxBytes = this.options.maxBytes,
  ): Promise<ReadResult> {
    const start = parseWebUrl(url);
    if (!start) return { kind: 'failed', url, status: 0, problem: 'not an http(s) address' };
    let current = start;
    for (let hop = 0; ; hop++) {
      const refusal = (await this.rulesFor(current)).refusal(current.href);
      if (refusal?.disallowed) return { kind: 'disallowed', url: current.href };
      if (refusal) return { kind: 'failed', url: current.href, status: 0, problem: refusal.problem };
      const result = await this.queue.run(current.host, () =>
        exchange({
          url: current,
          userAgent: PAGE_READER_USER_AGENT,
          timeoutMs: this.options.timeoutMs,
          maxBytes,
          signal: this.options.signal,
          agents: this.agents,
          wants,
          ...(hop === 0 ? conditional : {}),
        }),
      );
      const at = current.href;
      switch (result.kind) {
        case 'body':
          return { ...result, url: at };
        case 'not-modified':
          return { kind: 'not-modified', url: at };
        case 'unwanted':
          return { kind: 'unwanted', url: at, contentType: result.contentType };
        case 'status':
          if (result.status === 404 || result.status === 410) return { kind: 'gone', url: at, status: result.status };
          return { kind: 'failed', url: at, status: result.status, problem: `the server answered ${result.status}` };
        case 'failed':
          return { kind: 'failed', url: at, status: 0, problem: result.problem };
        case 'redirect': {
          const next = result.location ? parseWebUrl(result.location, at) : null;
          if (!next)
            return {
              kind: 'failed',
              url: at,
              status: result.status,
              problem: 'redirects to something that is not an http(s) address',
            };
          if (!sameSite(next, start))
            return {
              kind: 'failed',
              url: at,
              status: result.status,
              problem: `redirects to another site (${next.host})`,
            };
          if (hop >= MAX_REDIRECTS)
            return { kind: 'failed', url: at, status: result.status, problem: `more than ${MAX_REDIRECTS} redirects` };
          current = next;
        }
      }
    }
  }

  /** Closes its connections (the reader is done). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** robots.txt of the URL's origin, read once (through the same queue: it is a request to that host too). */
  private rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.readRobots(url).then((read) => {
        this.crawlDelays.set(url.host, read.crawlDelayMs);
        return read;
      });
      this.robots.set(url.origin, rules);
    }
    return rules;
  }

  private async readRobots(url: URL): Promise<RobotsRules> {
    let current = new URL('/robots.txt', url.origin);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = current;
      const result = await this.queue.run(target.host, () =>
        exchange({
          url: target,
          userAgent: PAGE_READER_USER_AGENT,
          timeoutMs: this.options.timeoutMs,
          maxBytes: ROBOTS_MAX_BYTES,
          signal: this.options.signal,
          agents: this.agents,
          wants: () => true,
        }),
      );
      if (result.kind === 'body') return robotsRules(url.origin, { kind: 'file', text: result.body.toString('utf8') });
      if (result.kind === 'redirect') {
        const next = result.location ? parseWebUrl(result.location, target.href) : null;
        if (!next) break;
        current = next;
        continue;
      }
      if (result.kind === 'status' && result.status >= 400 && result.status < 500)
        return robotsRules(url.origin, { kind: 'missing' });
      const problem =
        result.kind === 'status'
          ? `the server answered ${result.status}`
          : result.kind === 'failed'
            ? result.problem
            : 'no usable answer';
      return robotsRules(url.origin, { kind: 'unreachable', problem });
    }
    return robotsRules(url.origin, { kind: 'missing' }); // redirected in circles: RFC 9309 treats that as no file
  }
}
