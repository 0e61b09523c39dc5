// HTTP(S) to one hub over a dedicated agent: pinned to the pairing link's fingerprint, or checked against the usual
// certificate authorities when the link has none (a hub behind a TLS proxy), or plain HTTP to this machine (a tunnel).
// node:https rather than fetch: fetch cannot pin a certificate.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { certificateMismatchMessage, HubRefusedError } from './errors.js';
import { createPinnedAgent, isCertificateVerifyError, probePeerCertificate } from './pinned-tls.js';

export interface HubRequest {
  method: string;
  /** path and query below the hub's base URL, e.g. "/api/status" */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HubAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HubTransport {
  request(request: HubRequest): Promise<HubAnswer>;
  /** resolves with the response as soon as its headers arrive; the body is the caller's to read or destroy */
  open(request: HubRequest & { signal?: AbortSignal }): Promise<IncomingMessage>;
  close(): void;
}

export interface HubTransportOptions {
  hubUrl: string;
  /** lowercase hex SHA-256 of the hub certificate's DER; null: no pin */
  fingerprint: string | null;
  /** connecting and waiting for an answer; the event stream's own timing is the follower's */
  timeoutMs?: number;
}

const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export function createHubTransport(options: HubTransportOptions): HubTransport {
  const base = new URL(options.hubUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;
  const client = base.protocol === 'http:' ? http : https;
  let agent: Promise<http.Agent> | null = null;

  const getAgent = (): Promise<http.Agent> => {
    if (agent) return agent;
    const created = (async () => {
      if (base.protocol === 'http:') return new http.Agent({ keepAlive: true });
      if (options.fingerprint === null) return new https.Agent({ keepAlive: true });
      return createPinnedAgent(base, options.fingerprint, timeoutMs);
    })();
    // A failed probe is not kept: the next call probes again.
    created.catch(() => {
      if (agent === created) agent = null;
    });
    agent = created;
    return created;
  };

  /** A failed handshake on a pinned connection: find out whether the hub now shows another certificate. */
  const explain = async (error: unknown): Promise<Error> => {
    if (error instanceof HubRefusedError) return error;
    if (options.fingerprint !== null && isCertificateVerifyError(error)) {
      const peer = await probePeerCertificate(base, timeoutMs).catch(() => null);
      if (peer && peer.fingerprint !== options.fingerprint) {
        return new HubRefusedError(certificateMismatchMessage(peer.fingerprint), 'certificate');
      }
    }
    const reason = (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
    return new Error(`Cannot reach the hub at ${base.host}: ${reason}`, { cause: error });
  };

  const open = async (request: HubRequest & { signal?: AbortSignal }, retried = false): Promise<IncomingMessage> => {
    let usedAgent: http.Agent;
    try {
      usedAgent = await getAgent();
    } catch (error) {
      throw await explain(error);
    }
    request.signal?.throwIfAborted();
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
    let reusedSocket = false;
    try {
      return await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = client.request(
          {
            protocol: base.protocol,
            hostname: base.hostname.replace(/^\[|\]$/g, ''),
            port: base.port || (base.protocol === 'http:' ? 80 : 443),
            path: `${basePath}${request.path}`,
            method: request.method,
            headers,
            agent: usedAgent,
            ...(request.signal ? { signal: request.signal } : {}),
          },
          resolve,
        );
        outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
        outgoing.once('response', () => outgoing.setTimeout(0)); // the body may take its time (the event stream)
        outgoing.once('socket', () => {
          reusedSocket = outgoing.reusedSocket;
        });
        outgoing.once('error', reject);
        outgoing.end(request.body);
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      // A kept-alive connection the hub had already closed (it restarted): the request never reached it.
      if (reusedSocket && !retried && isResetBeforeAnswer(error)) return open(request, true);
      throw await explain(error);
    }
  };

  return {
    open,
    async request(request) {
      const response = await open(request);
      const chunks: Buffer[] = [];
      let size = 0;
      await new Promise<void>((resolve, reject) => {
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) response.destroy(new Error('the answer is too large'));
          else chunks.push(chunk);
        });
        response.once('end', resolve);
        response.once('error', reject);
        response.once('aborted', () => reject(new Error('the hub hung up in the middle of its answer')));
      }).catch(async (error: unknown) => {
        throw await explain(error);
      });
      return {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
    },
    close() {
      agent?.then((created) => created.destroy()).catch(() => {});
      agent = null;
    },
  };
}

function isResetBeforeAnswer(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
