// A small stand-in for the hub's remote listener, over real TLS on loopback: pairing, a few UI API routes and the
// resumable event stream exactly as issue 11 specifies it. Heartbeats are sent when a test asks, never on a timer.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { FailedAttemptLimiter, hashToken, newDeviceToken } from '../../main/engine/hub/pairing.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { makeSetup, makeStatus, makeWatch } from '../fakes/ui-data.js';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface StreamEvent {
  seq: number;
  name: 'feed' | 'alert';
  data: string;
}

export class FakeHub {
  readonly requests: SeenRequest[] = [];
  readonly codes = new Set<string>();
  readonly devices = new Map<string, { id: string; name: string; revoked: boolean }>();
  readonly limiter = new FailedAttemptLimiter();
  readonly events: StreamEvent[] = [];
  /** the oldest seq still kept (retention): resuming from before it answers `reset` */
  keepFrom = 1;
  head = 0;
  /** misbehaviours to check the follower against */
  repeatResumePoint = false;
  resetWithoutId = false;
  /** answer /api/events with this status instead of a stream */
  eventsStatus: number | null = null;
  readonly streams = new Set<{ res: http.ServerResponse; deviceId: string }>();
  /** the Last-Event-ID (or ?after) of every event-stream request, in order */
  readonly resumes: (string | null)[] = [];

  private constructor(
    readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(tlsPair: { cert: string; key: string } | null, port = 0): Promise<FakeHub> {
    let hub: FakeHub | null = null;
    const handler: http.RequestListener = (req, res) => hub?.handle(req, res);
    const server = tlsPair ? https.createServer(tlsPair, handler) : http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const actualPort = (server.address() as AddressInfo).port;
    hub = new FakeHub(server, `${tlsPair ? 'https' : 'http'}://127.0.0.1:${actualPort}`);
    return hub;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Appends a feed batch (and its alert message when entries alert), sending it to every open stream. */
  publishFeed(entries: FeedEntry[]): number {
    const seq = ++this.head;
    const stamped = entries.map((entry) => ({ ...entry, seq }));
    const batch: StreamEvent[] = [{ seq, name: 'feed', data: JSON.stringify({ type: 'feed', entries: stamped }) }];
    const alerting = stamped.filter((entry) => entry.alerts.length > 0);
    if (alerting.length > 0) {
      batch.push({ seq, name: 'alert', data: JSON.stringify({ type: 'alert', entries: alerting }) });
    }
    this.events.push(...batch);
    for (const { res } of this.streams) for (const event of batch) res.write(format(event));
    return seq;
  }

  publishStatus(unread: number): void {
    const data = JSON.stringify({ type: 'status', status: makeStatus({}, { unread }) });
    for (const { res } of this.streams) res.write(`event: status\ndata: ${data}\n\n`);
  }

  heartbeat(): void {
    for (const { res } of this.streams) res.write(': hb\n\n');
  }

  /** Hangs up every event stream (a restart, a proxy timing out). */
  dropStreams(): void {
    for (const { res } of this.streams) res.socket?.destroy();
    this.streams.clear();
  }

  revoke(deviceId: string): void {
    for (const device of this.devices.values()) if (device.id === deviceId) device.revoked = true;
    for (const stream of this.streams) {
      if (stream.deviceId !== deviceId) continue;
      stream.res.end();
      this.streams.delete(stream);
    }
  }

  close(): Promise<void> {
    this.dropStreams();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://hub.invalid');
      this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });
      if (req.method === 'POST' && url.pathname === '/api/pair') return this.pair(req, res, body);
      const token =
        /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ??
        (url.pathname === '/api/events' ? url.searchParams.get('token') : null);
      const device = token ? this.devices.get(hashToken(token)) : undefined;
      if (!device || device.revoked) return json(res, 401, { error: 'Unknown device token.' });
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /api/events') return this.openStream(req, res, url, device.id);
      if (route === 'GET /api/status') return json(res, 200, makeStatus());
      if (route === 'GET /api/setup') return json(res, 200, { ...makeSetup(), receiverPort: 'not a number' });
      if (req.method === 'PATCH' && url.pathname.startsWith('/api/watches/')) {
        const id = decodeURIComponent(url.pathname.slice('/api/watches/'.length));
        return json(res, 200, makeWatch({ id, ...JSON.parse(body) }));
      }
      if (url.pathname.startsWith('/api/settings/secret'))
        return json(res, 403, { error: 'Only the hub can do that.' });
      json(res, 404, { error: `No such route ${route}` });
    });
  }

  private pair(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const address = req.socket.remoteAddress ?? '';
    const verdict = this.limiter.check(address);
    if (!verdict.allowed) {
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      json(res, 429, { error: 'Too many attempts.' });
      return;
    }
    const { code, name } = JSON.parse(body) as { code?: string; name?: string };
    if (!code || !this.codes.delete(code)) {
      this.limiter.recordFailure(address);
      json(res, 401, { error: 'This pairing code is wrong, used or expired.' });
      return;
    }
    const token = newDeviceToken();
    const deviceId = `d${this.devices.size + 1}`;
    this.devices.set(hashToken(token), { id: deviceId, name: name ?? '', revoked: false });
    json(res, 200, { deviceId, token });
  }

  private openStream(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deviceId: string): void {
    const after = (req.headers['last-event-id'] as string | undefined) ?? url.searchParams.get('after');
    this.resumes.push(after);
    if (this.eventsStatus !== null) {
      json(res, this.eventsStatus, { error: 'The hub is starting.' });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    if (after !== null) {
      const from = Number(after);
      if (from < this.keepFrom - 1 || from > this.head) {
        res.write(this.resetWithoutId ? 'event: reset\ndata: {}\n\n' : `event: reset\nid: ${this.head}\ndata: {}\n\n`);
      } else {
        const backlog = this.events.filter(
          (event) => event.seq > from || (this.repeatResumePoint && event.seq === from),
        );
        for (const event of backlog) res.write(format(event));
      }
    }
    res.write(`event: live\nid: ${this.head}\ndata: {}\n\n`);
    const stream = { res, deviceId };
    this.streams.add(stream);
    res.on('close', () => this.streams.delete(stream));
  }
}

function format(event: StreamEvent): string {
  return `event: ${event.name}\nid: ${event.seq}\ndata: ${event.data}\n\n`;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
