// One HTTP exchange with impact.com: a hard deadline over the whole exchange (headers and body), a byte cap counted
// while streaming so an oversized answer is never held in memory, and the answer read as JSON or XML.
import { badResponse, ImpactApiError, MESSAGES } from './errors.js';
import { readXmlAnswer } from './xml-answer.js';

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface ExchangeOptions {
  fetch: typeof fetch;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** aborts when the client is closed */
  closed: AbortSignal;
}

const tooLarge = (maxBytes: number) => badResponse(`the answer is larger than ${Math.round(maxBytes / 1_048_576)} MB`);

/** Reads the body chunk by chunk and gives up as soon as it passes `maxBytes` (decompressed bytes: what we hold). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}

/** Network failures and the deadline are 'unreachable'; the cap is 'bad-response'. Never echoes the request. */
export async function exchange(url: string, options: ExchangeOptions): Promise<RawAnswer> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const signal = AbortSignal.any([deadline.signal, options.closed]);
  try {
    const response = await options.fetch(url, { method: 'GET', headers: options.headers, signal, redirect: 'manual' });
    const text = await readCapped(response, options.maxBytes);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof ImpactApiError) throw error;
    if (options.closed.aborted) throw new ImpactApiError('cancelled', MESSAGES.cancelled);
    if (deadline.signal.aborted) throw new ImpactApiError('unreachable', MESSAGES.timeout);
    throw new ImpactApiError('unreachable', MESSAGES.unreachable);
  } finally {
    clearTimeout(timer);
  }
}

/** JSON or XML by what the text is, not by what Content-Type claims (proxies and error pages lie). */
export function decodeAnswer(text: string): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('<')) return readXmlAnswer(body);
  if (!body.startsWith('{')) throw new Error(body === '' ? 'an empty answer' : 'neither JSON nor XML');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error('invalid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
  return parsed as Record<string, unknown>;
}
