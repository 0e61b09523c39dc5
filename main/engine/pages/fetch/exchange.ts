// One HTTP request of the page reader, with node:http (Node 20's fetch kept ~70 MB more resident over 10,000 pages):
// a deadline over the whole exchange, a byte cap counted while streaming on the decompressed bytes (what would be
// held), gzip and deflate, redirects handed back rather than followed, conditional headers, and a body read only when
// its content type is one the caller wants (else the connection is dropped unread).
import http from 'node:http';
import https from 'node:https';
import { createGunzip, createInflate } from 'node:zlib';

export interface ExchangeRequest {
  url: URL;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  /** ends the exchange early: the scan was stopped */
  signal: AbortSignal;
  /** keep-alive connections, one pool per reader */
  agents: { http: http.Agent; https: https.Agent };
  etag?: string | null;
  lastModified?: string | null;
  /** whether a body of this content type is worth reading (else it is skipped unread) */
  wants: (contentType: string) => boolean;
}

export type ExchangeResult =
  | {
      kind: 'body';
      status: number;
      contentType: string;
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified' }
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'unwanted'; status: number; contentType: string }
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'failed'; problem: string };

class Failure extends Error {}

export function exchange(request: ExchangeRequest): Promise<ExchangeResult> {
  if (request.signal.aborted) return Promise.reject(request.signal.reason);
  return new Promise((resolve, reject) => {
    const { url } = request;
    const headers: Record<string, string> = {
      'user-agent': request.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
      'accept-encoding': 'gzip, deflate',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const secure = url.protocol === 'https:';
    const agent = secure ? request.agents.https : request.agents.http;
    let settled = false;
    const finish = (result: ExchangeResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal.removeEventListener('abort', stop);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish({ kind: 'failed', problem: `no answer within ${Math.round(request.timeoutMs / 1000)} s` });
    }, request.timeoutMs);
    const stop = () => {
      req.destroy();
      finish(request.signal.reason instanceof Error ? request.signal.reason : new Error('stopped'));
    };
    request.signal.addEventListener('abort', stop, { once: true });
    const req = (secure ? https : http).request(url, { method: 'GET', headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const value = res.headers[name];
        return typeof value === 'string' ? value : null;
      };
      const skip = (result: ExchangeResult) => {
        res.resume(); // drain what little it sent, so the connection can be used again
        finish(result);
      };
      if (status === 304) return skip({ kind: 'not-modified' });
      if (status >= 300 && status < 400) return skip({ kind: 'redirect', status, location: header('location') });
      if (status < 200 || status >= 300) return skip({ kind: 'status', status, retryAfter: header('retry-after') });
      const contentType = (header('content-type') ?? '').toLowerCase();
      if (!request.wants(contentType)) {
        req.destroy(); // an image or a PDF: not downloaded
        return finish({ kind: 'unwanted', status, contentType });
      }
      readCapped(res, request.maxBytes).then(
        (body) =>
          finish({
            kind: 'body',
            status,
            contentType,
            body,
            etag: header('etag'),
            lastModified: header('last-modified'),
          }),
        (error: unknown) => {
          req.destroy();
          finish({ kind: 'failed', problem: error instanceof Failure ? error.message : networkProblem(error) });
        },
      );
    });
    req.on('error', (error) => finish({ kind: 'failed', problem: networkProblem(error) }));
    req.end();
  });
}

/** The body, decompressed, until it passes `maxBytes` (then a Failure: the rest is never read). */
function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (res.headers['content-encoding'] ?? '').toLowerCase();
  const stream =
    encoding === 'gzip' ? res.pipe(createGunzip()) : encoding === 'deflate' ? res.pipe(createInflate()) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        reject(new Failure(`larger than ${sizeText(maxBytes)}`));
      } else chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (error) => reject(encoding ? new Failure(`its ${encoding} data is damaged`) : error));
    res.on('error', reject);
  });
}

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${Math.round(bytes / 1_048_576)} MB` : `${Math.round(bytes / 1024)} KB`;

/** The network's reason in words (refused, not found, reset), without a stack or an address. */
function networkProblem(error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name was not found';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was cut';
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return 'its TLS certificate was refused';
  return 'the server could not be reached';
}
