// One-shot faults a test injects into the fake: each hits the next request whose path contains `path` (any when
// absent), then is gone.
import type { ServerResponse } from 'node:http';

export type FakeFault =
  /** answers this status with impact.com's error body; a 429 also carries the rate-limit headers */
  | { type: 'status'; status: number; message?: string; retryAfterSeconds?: number; path?: string }
  /** answers normally, but only after this long (real time: keep it short, with a short client timeout) */
  | { type: 'slow'; delayMs: number; path?: string }
  /** a 200 whose body is cut off mid-way */
  | { type: 'malformed'; path?: string }
  /** a 200 streaming this many bytes; with `declareLength`, a Content-Length says so up front */
  | { type: 'huge'; bytes: number; declareLength?: boolean; path?: string }
  /** exactly this answer (a wrong shape, an HTML page from a proxy…) */
  | { type: 'raw'; status?: number; contentType?: string; text: string; path?: string }
  /** the connection is closed without an answer */
  | { type: 'drop'; path?: string };

export class FaultQueue {
  private readonly pending: FakeFault[] = [];

  add(fault: FakeFault): void {
    this.pending.push(fault);
  }

  take(path: string): FakeFault | undefined {
    const index = this.pending.findIndex((fault) => fault.path === undefined || path.includes(fault.path));
    return index < 0 ? undefined : this.pending.splice(index, 1)[0];
  }

  get size(): number {
    return this.pending.length;
  }
}

/** Streams a body of `bytes` bytes (a JSON answer padded with one endless name), respecting backpressure. */
export async function streamHuge(res: ServerResponse, bytes: number, declareLength: boolean): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    ...(declareLength ? { 'content-length': String(bytes) } : {}),
  });
  const head = '{"Catalogs":[{"Id":"1","Name":"';
  const tail = '"}]}';
  const chunk = 'x'.repeat(64 * 1024);
  res.write(head);
  let sent = head.length;
  while (sent < bytes - tail.length && !res.destroyed) {
    const piece = chunk.slice(0, Math.min(chunk.length, bytes - tail.length - sent));
    sent += piece.length;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end(tail);
}
