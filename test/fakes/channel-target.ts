// A local stand-in for a channel's service (Slack, Discord, Telegram, Teams, ntfy, or your own webhook): it checks the
// request has the shape the real service takes (path, method, content type), records it, and answers the way that
// service does — or as a test tells it to (503 for a while, 429 with Retry-After, a refusal).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeService = 'slack' | 'discord' | 'telegram' | 'teams' | 'ntfy' | 'webhook';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** the body parsed as JSON (every service here takes JSON) */
  json: Record<string, unknown>;
  /** Date.now() when it arrived */
  at: number;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** answer only after this long (a slow target; a sender stopping mid-send) */
  delayMs?: number;
}

export interface FakeTarget {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** requests the service accepted (answered 2xx), in order */
  accepted: ReceivedRequest[];
  /** every request, answered as it was */
  received: ReceivedRequest[];
  /** answers for the next requests, in order; after them the service answers normally */
  answerNext(...answers: FakeAnswer[]): void;
  /** answers every request so (a service that is down) until called with null */
  answerAlways(answer: FakeAnswer | null): void;
  close(): Promise<void>;
}

const SERVICE_ANSWERS: Record<FakeService, (request: ReceivedRequest) => FakeAnswer> = {
  slack: ({ path }) =>
    /^\/services\/[^/]+\/[^/]+\/[^/]+$/.test(path) ? { status: 200, body: 'ok' } : { status: 404, body: 'no_service' },
  discord: ({ path }) =>
    /^\/api\/webhooks\/\d+\/[^/?]+$/.test(path)
      ? { status: 204 }
      : json(404, { message: 'Unknown Webhook', code: 10015 }),
  telegram: ({ path, json: body }) =>
    !/^\/bot\d+:[^/]+\/sendMessage$/.test(path)
      ? json(404, { ok: false, error_code: 404, description: 'Not Found' })
      : body.parse_mode !== 'HTML' || typeof body.chat_id !== 'string'
        ? json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })
        : json(200, { ok: true, result: { message_id: 1 } }),
  teams: () => ({ status: 202, body: '' }),
  ntfy: ({ path, json: body }) =>
    path === '/' && typeof body.topic === 'string'
      ? json(200, { id: 'abc', time: 1, event: 'message', topic: body.topic })
      : json(400, { code: 40010, http: 400, error: 'invalid request: topic invalid' }),
  webhook: () => ({ status: 204 }),
};

function json(status: number, value: unknown): FakeAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

export async function startFakeTarget(service: FakeService): Promise<FakeTarget> {
  const next: FakeAnswer[] = [];
  let always: FakeAnswer | null = null;
  const target = {
    accepted: [] as ReceivedRequest[],
    received: [] as ReceivedRequest[],
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // not JSON: the service refuses it below
      }
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json: parsed,
        at: Date.now(),
      };
      target.received.push(request);
      const isJsonPost =
        req.method === 'POST' && req.headers['content-type'] === 'application/json' && body.startsWith('{');
      const answer =
        next.shift() ??
        always ??
        (isJsonPost ? SERVICE_ANSWERS[service](request) : { status: 400, body: 'bad request' });
      const reply = () => {
        if (answer.status >= 200 && answer.status < 300) target.accepted.push(request);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    ...target,
    answerNext: (...answers) => next.push(...answers),
    answerAlways: (answer) => {
      always = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
