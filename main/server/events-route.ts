// Live events over Server-Sent Events: `feed`, `alert` and `status`, resumable. Every feed and alert message carries
// `id: <seq>` (the journal sequence number of the newest record it covers, strictly increasing on one stream). A
// client that reconnects with Last-Event-ID (or ?after=) first gets every entry after that seq, in order, then
// `event: live` (id: how far the stream has reached) and live events — no gap, no repeat. When the entries after
// that seq are gone (retention) or never existed here, the first message is `event: reset`: the client reloads.
import type { Request, Response } from 'express';
import type { UiEvent } from '../../shared/contract/events.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { Engine } from '../engine/types.js';

const HEARTBEAT_MS = 15_000;
const CATCH_UP_PAGE = 200;

export interface StreamSource {
  engine: Engine;
  /** which device this request is (this computer's own UI, or a paired device) */
  deviceOf(res: Response): string;
  /** open streams per device, so revoking a device can close its streams at once */
  registry?: StreamRegistry;
}

export function eventsRoute(source: StreamSource) {
  return (req: Request, res: Response): void => {
    const device = source.deviceOf(res);
    req.socket.setTimeout(0); // a stream is quiet between heartbeats; the server's idle timeout must not cut it
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const stream = new EventStream(res);
    // Subscribe before catching up: what is applied meanwhile waits in the stream's buffer, so nothing falls between.
    const unsubscribe = source.engine.subscribe((event) => stream.live(event), device);
    const keepAlive = setInterval(() => res.write(': hb\n\n'), HEARTBEAT_MS);
    const unregister = source.registry?.add(device, res) ?? (() => {});
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      unregister();
      stream.closed = true;
    });
    void stream.start(
      resumePoint(req),
      (after, limit) => source.engine.entriesAfter(after, device, limit),
      () => source.engine.appliedSeq(),
    );
  };
}

function resumePoint(req: Request): number | null {
  const header = req.get('last-event-id');
  const query = typeof req.query.after === 'string' ? req.query.after : undefined;
  const text = header ?? query;
  if (text === undefined || text === '') return null;
  return /^\d{1,15}$/.test(text) ? Number(text) : -1; // -1: not a position this hub could have given: reset
}

class EventStream {
  private buffered: UiEvent[] | null = [];
  /** live events go out one after another, even when one waits for the socket to drain */
  private chain: Promise<void> = Promise.resolve();
  /** the newest seq sent: nothing at or below it is sent again */
  private sent = 0;
  closed = false;

  constructor(private readonly res: Response) {}

  async start(
    after: number | null,
    entriesAfter: (after: number, limit: number) => { entries: FeedEntry[]; reset: boolean },
    appliedSeq: () => number,
  ): Promise<void> {
    if (after === null) {
      this.sent = appliedSeq(); // a fresh stream: from now on
    } else if (after < 0 || entriesAfter(after, 0).reset) {
      this.sent = appliedSeq();
      this.res.write(`event: reset\nid: ${this.sent}\ndata: {}\n\n`);
    } else {
      this.sent = after;
      for (;;) {
        const { entries } = entriesAfter(this.sent, CATCH_UP_PAGE);
        if (entries.length === 0 || this.closed) break;
        await this.sendEntries(entries);
        if (entries.length < CATCH_UP_PAGE) break;
      }
    }
    // Events that arrive while the buffer is being sent are appended to it, and this loop reaches them too.
    for (const event of this.buffered ?? []) await this.forward(event);
    this.buffered = null;
    this.sent = Math.max(this.sent, appliedSeq());
    this.res.write(`event: live\nid: ${this.sent}\ndata: {}\n\n`);
  }

  live(event: UiEvent): void {
    if (this.buffered) this.buffered.push(event);
    else this.chain = this.chain.then(() => this.forward(event));
  }

  private async forward(event: UiEvent): Promise<void> {
    if (event.type === 'status') {
      this.res.write(`event: status\ndata: ${JSON.stringify(event)}\n\n`);
      return;
    }
    if (event.type === 'feed') await this.sendEntries(event.entries);
    // Alerts are sent with their feed batch (same id), so a resumed stream repeats neither.
  }

  private async sendEntries(entries: FeedEntry[]): Promise<void> {
    const fresh = entries.filter((entry) => entry.seq > this.sent);
    if (fresh.length === 0) return;
    const id = Math.max(...fresh.map((entry) => entry.seq));
    this.sent = id;
    const ok = this.res.write(`event: feed\nid: ${id}\ndata: ${JSON.stringify({ type: 'feed', entries: fresh })}\n\n`);
    const alerting = fresh.filter((entry) => entry.alerts.length > 0);
    if (alerting.length > 0) {
      this.res.write(`event: alert\nid: ${id}\ndata: ${JSON.stringify({ type: 'alert', entries: alerting })}\n\n`);
    }
    if (!ok && !this.closed) await new Promise((resolve) => this.res.once('drain', resolve));
  }
}

/** Open streams by device: revoking a device closes its streams at once. */
export class StreamRegistry {
  private readonly streams = new Map<string, Set<Response>>();

  add(device: string, res: Response): () => void {
    const set = this.streams.get(device) ?? new Set();
    set.add(res);
    this.streams.set(device, set);
    return () => set.delete(res);
  }

  close(device: string): void {
    for (const res of this.streams.get(device) ?? []) res.end();
    this.streams.delete(device);
  }
}
