// One HTTP request of the page reader: a deadline over the whole exchange, a byte cap counted while streaming (on the
// decompressed bytes: what would be held), redirects handed back rather than followed, conditional headers, and a
// body read only when its content type is one the caller wants.

export interface ExchangeRequest {
  url: string;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  /** ends the exchange early: the scan was stopped */
  signal: AbortSignal;
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

export class TooLarge extends Error {}

export async function exchange(request: ExchangeRequest, fetchImpl: typeof fetch = fetch): Promise<ExchangeResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  const deadline = timeout.signal;
  const signal = AbortSignal.any([deadline, request.signal]);
  const headers: Record<string, string> = {
    'user-agent': request.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  try {
    const response = await fetchImpl(request.url, { headers, signal, redirect: 'manual' });
    const { status } = response;
    if (status === 304) return discard(response, { kind: 'not-modified' });
    if (status >= 300 && status < 400)
      return discard(response, { kind: 'redirect', status, location: response.headers.get('location') });
    if (status < 200 || status >= 300)
      return discard(response, { kind: 'status', status, retryAfter: response.headers.get('retry-after') });
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!request.wants(contentType)) return discard(response, { kind: 'unwanted', status, contentType });
    const body = await readCapped(response, request.maxBytes);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return { kind: 'body', status, contentType, body, etag, lastModified };
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    if (error instanceof TooLarge) return { kind: 'failed', problem: error.message };
    if (deadline.aborted)
      return { kind: 'failed', problem: `no answer within ${Math.round(request.timeoutMs / 1000)} s` };
    return { kind: 'failed', problem: networkProblem(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function discard<T>(response: Response, result: T): Promise<T> {
  await response.body?.cancel().catch(() => {});
  return result;
}

const tooLarge = (maxBytes: number) =>
  new TooLarge(
    `larger than ${maxBytes >= 1_048_576 ? `${Math.round(maxBytes / 1_048_576)} MB` : `${Math.round(maxBytes / 1024)} KB`}`,
  );

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes && !response.headers.get('content-encoding')) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** The network's reason in words (refused, not found, reset), without a stack or an address. */
function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name was not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut';
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return 'its TLS certificate was refused';
  return 'the server could not be reached';
}
