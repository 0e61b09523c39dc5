// One POST to a service: a deadline over the whole exchange, no redirects (a web hook that redirects is misconfigured,
// and following one could carry the message elsewhere), and only the first few kilobytes of the answer read.
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** the start of the body, for the plain-words error */
  text: string;
}

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** aborts the attempt when the sender stops */
  signal: AbortSignal;
}

const SNIPPET_BYTES = 4_096;

export class NetworkError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

export async function postJson(url: string, body: string, options: PostOptions): Promise<HttpAnswer> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([deadline, options.signal]);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Shelfwatch', ...options.headers },
      body,
      signal,
      redirect: 'manual',
    });
    return { status: response.status, headers: response.headers, text: await readSnippet(response) };
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (deadline.aborted) throw new NetworkError('no answer within the time allowed', true);
    throw new NetworkError(networkWords(error), false);
  }
}

async function readSnippet(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    chunks.push(chunk.value);
    total += chunk.value.byteLength;
    if (total >= SNIPPET_BYTES) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
}

/** fetch's "fetch failed" hides the reason in `cause`: the system error code says it in words. */
function networkWords(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (nothing listens there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be looked up';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before an answer';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate is not trusted (${code})`;
    default:
      return code ? `the connection failed (${code})` : 'the connection failed';
  }
}
