// Talks HTTP over a bare TCP socket, for what an HTTP client library refuses to send: conflicting framing headers,
// path tricks it would normalise, pipelining, trickled bytes.
import net from 'node:net';

export interface RawExchange {
  /** every status code found in the response bytes, in order (several when pipelined) */
  statuses: number[];
  text: string;
  /** ms from the first byte sent until the server closed the connection (or the wait ended) */
  elapsedMs: number;
  closedByServer: boolean;
}

/**
 * Sends `chunks` (each after `gapMs`), then waits for the server to close or `waitMs` to pass.
 * A chunk may be a Buffer or text.
 */
export function rawExchange(
  port: number,
  chunks: (string | Buffer)[],
  options: { gapMs?: number; waitMs?: number } = {},
): Promise<RawExchange> {
  const { gapMs = 0, waitMs = 1_000 } = options;
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const started = performance.now();
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('latin1');
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((match) => Number(match[1]));
      resolve({ statuses, text, elapsedMs: performance.now() - started, closedByServer });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (done || socket.destroyed) return;
        socket.write(chunk);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

/** A complete HTTP/1.1 request with Connection: close unless told otherwise. */
export function httpRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = '',
  keepAlive = false,
): string {
  const all: Record<string, string> = { Host: '127.0.0.1', ...headers };
  if (body && !Object.keys(all).some((name) => /^(content-length|transfer-encoding)$/i.test(name)))
    all['Content-Length'] = String(Buffer.byteLength(body));
  if (!keepAlive) all.Connection = 'close';
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
