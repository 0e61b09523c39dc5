// One POST to a service: a deadline over the whole exchange, no redirects (a web hook that redirects is misconfigured,
// and following one could carry the message elsewhere), and only the first few kilobytes of the answer read.
// Connections are kept alive between messages (a TLS handshake per message would cost more than the message); one
// that timed out or was abandoned is destroyed, never reused, and a kept one the server had closed meanwhile is
// replaced by a fresh connection at once (the message was not taken: the server closed before reading it).
import http from 'node:http';
import https from 'node:https';

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

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
};

class StaleConnection extends Error {}

export async function postJson(url: string, body: string, options: PostOptions): Promise<HttpAnswer> {
  try {
    return await postOnce(url, body, options, true);
  } catch (error) {
    if (!(error instanceof StaleConnection)) throw error;
    return postOnce(url, body, options, false);
  }
}

function postOnce(url: string, body: string, options: PostOptions, reuse: boolean): Promise<HttpAnswer> {
  const target = new URL(url);
  const tls = target.protocol === 'https:';
  const send = tls ? https.request : http.request;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let timedOut = false;
    const request = send(target, {
      method: 'POST',
      agent: reuse ? (tls ? agents.https : agents.http) : false,
      signal: options.signal,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Shelfwatch',
        ...options.headers,
      },
    });
    const deadline = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, options.timeoutMs);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        if (total < SNIPPET_BYTES) chunks.push(chunk);
        total += chunk.length;
        if (total >= SNIPPET_BYTES) response.destroy(); // the rest is not needed
      });
      const done = () => {
        clearTimeout(deadline);
        const text = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: headersOf(response.headers), text });
      };
      response.on('end', done);
      response.on('close', done); // also when destroyed after the snippet (a second resolve does nothing)
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (options.signal.aborted) reject(error);
      else if (request.reusedSocket && error.code === 'ECONNRESET') reject(new StaleConnection());
      else if (timedOut) reject(new NetworkError('no answer within the time allowed', true));
      else reject(new NetworkError(networkWords(error.code), false));
    });
    request.end(body);
  });
}

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The system error code, in words. */
function networkWords(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (nothing listens there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be looked up';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was closed before an answer';
    case 'ETIMEDOUT':
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
