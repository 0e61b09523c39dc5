// Live events over Server-Sent Events: `feed`, `alert` and `status`, resumable. Every feed and alert message carries
// an id saying how far the client has the feed (shared/domain/stream-point.ts: "<seq>", or "<seq>.<n>" when a message ends
// partway through a record), strictly increasing on one stream. A client that reconnects with Last-Event-ID (or
// ?after=) first gets every entry after that point, in order, in messages of at most 200 entries, then
// `event: live` (id: how far the stream has reached) and live events — no gap, no repeat. When the entries after
// that point are gone (retention) or never existed here, the first message is `event: reset`: the client reloads.
import type { Request, Response } from 'express';
import type { UiEvent } from '../../shared/contract/events.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import {
  comparePoints,
  pointOfEntry,
  type StreamPoint,
  streamIdOf,
  streamPointOf,
  throughRecord,
} from '../../shared/domain/stream-point.js';
import type { Engine } from '../engine/index.js';

const HEARTBEAT_MS = 15_000;
/** entries per feed message, while catching up and live: a record may make thousands */
const PAGE = 200;

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

/** null: a fresh stream; 'unknown': an id this hub could not have given (reset). */
function resumePoint(req: Request): StreamPoint | 'unknown' | null {
  const header = req.get('last-event-id');
  const query = typeof req.query.after === 'string' ? req.query.after : undefined;
  const text = header ?? query;
  if (text === undefined || text === '') return null;
  return streamPointOf(text) ?? 'unknown';
}

class EventStream {
  private buffered: UiEvent[] | null = [];
  /** live events go out one after another, even when one waits for the socket to drain */
  private chain: Promise<void> = Promise.resolve();
  /** how far the client has the feed: nothing at or before it is sent again */
  private sent: StreamPoint = throughRecord(0);
  closed = false;

  constructor(private readonly res: Response) {}

  async start(
    after: StreamPoint | 'unknown' | null,
    entriesAfter: (after: StreamPoint, limit: number) => { entries: FeedEntry[]; reset: boolean },
    appliedSeq: () => number,
  ): Promise<void> {
    if (after === null) {
      this.sent = throughRecord(appliedSeq()); // a fresh stream: from now on
    } else if (after === 'unknown' || entriesAfter(after, 0).reset) {
      this.sent = throughRecord(appliedSeq());
      this.res.write(`event: reset\nid: ${streamIdOf(this.sent)}\ndata: {}\n\n`);
    } else {
      this.sent = after;
      for (;;) {
        // One more than a page: whether the page's last record goes on decides its id.
        const { entries } = entriesAfter(this.sent, PAGE + 1);
        if (entries.length === 0 || this.closed) break;
        await this.sendEntries(entries.slice(0, PAGE), entries[PAGE]);
        if (entries.length <= PAGE) break;
      }
    }
    // Events that arrive while the buffer is being sent are appended to it, and this loop reaches them too.
    for (const event of this.buffered ?? []) await this.forward(event);
    this.buffered = null;
    const head = throughRecord(appliedSeq());
    if (comparePoints(head, this.sent) > 0) this.sent = head;
    this.res.write(`event: live\nid: ${streamIdOf(this.sent)}\ndata: {}\n\n`);
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
    // A live batch holds whole records: its last page ends with its last record.
    if (event.type === 'feed') await this.sendEntries(event.entries, undefined);
    // Alerts are sent with their feed batch (same id), so a resumed stream repeats neither.
  }

  /** Sends the entries the client does not have, a page a message; `following` is the entry after them, if known. */
  private async sendEntries(entries: FeedEntry[], following: FeedEntry | undefined): Promise<void> {
    const fresh = entries.filter((entry) => comparePoints(pointOfEntry(entry), this.sent) > 0);
    for (let start = 0; start < fresh.length && !this.closed; start += PAGE) {
      const page = fresh.slice(start, start + PAGE);
      const last = page[page.length - 1] as FeedEntry;
      const next = fresh[start + PAGE] ?? following;
      this.sent = next?.seq === last.seq ? pointOfEntry(last) : throughRecord(last.seq);
      const id = streamIdOf(this.sent);
      const ok = this.res.write(`event: feed\nid: ${id}\ndata: ${JSON.stringify({ type: 'feed', entries: page })}\n\n`);
      const alerting = page.filter((entry) => entry.alerts.length > 0);
      if (alerting.length > 0) {
        this.res.write(`event: alert\nid: ${id}\ndata: ${JSON.stringify({ type: 'alert', entries: alerting })}\n\n`);
      }
      if (!ok && !this.closed) await new Promise((resolve) => this.res.once('drain', resolve));
    }
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
