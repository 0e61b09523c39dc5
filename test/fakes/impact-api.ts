// A faithful fake of impact.com's Partner API as documented and seen: XML unless JSON is asked for, Basic auth with
// 401/403 and impact.com's error body, `product_<catalog>_<item>` Ids, relative paging links, the 200 page-size
// cap, cursor paging on ItemSearch, per-hour limits per endpoint group with their headers. On 127.0.0.1 and a free
// port, with controls for tests: data, limits, one-shot faults, a request log and a concurrency counter.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { FakeCatalogData, type FakeCatalogInput, type FakeItemInput } from './impact-api/catalog-data.js';
import { type FakeFault, FaultQueue, streamHuge } from './impact-api/faults.js';
import { type FakeGroup, fakeGroupOf, HourlyLimits, type RateHeaderStyle } from './impact-api/hourly-limits.js';
import { type Body, errorBody, type Format, malformed, render } from './impact-api/render.js';
import { answer, type FakePaging } from './impact-api/routes.js';
import type { FakeImpactApi, FakeImpactApiOptions, FakeRequest } from './impact-api/types.js';

export type {
  FakeCatalogInput,
  FakeFault,
  FakeGroup,
  FakeImpactApi,
  FakeImpactApiOptions,
  FakeItemInput,
  FakePaging,
  FakeRequest,
  Format,
  RateHeaderStyle,
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** JSON with `Accept: application/json` or a `.json` suffix; XML otherwise (impact.com's default). */
function formatOf(req: Request, rawPath: string): Format {
  if (rawPath.endsWith('.json')) return 'json';
  if (rawPath.endsWith('.xml')) return 'xml';
  return /application\/json/i.test(req.get('accept') ?? '') ? 'json' : 'xml';
}

function credentialsOf(req: Request): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function startFakeImpactApi(options: FakeImpactApiOptions = {}): Promise<FakeImpactApi> {
  const accountSid = options.accountSid ?? 'IRfakeAccount123';
  const authToken = options.authToken ?? 'fake-auth-token-0123456789';
  const now = options.now ?? Date.now;
  const data = new FakeCatalogData(accountSid, now);
  const limits = new HourlyLimits(now);
  const faults = new FaultQueue();
  const requests: FakeRequest[] = [];
  const stats = {
    inFlight: 0,
    maxInFlight: 0,
    get refusedOverLimit() {
      return limits.refusedOverLimit;
    },
  };
  let scopedToken: string | undefined;
  let latencyMs = 0;
  let forcedFormat: Format | null = null;
  let paging: FakePaging = 'honest';

  async function handle(req: Request, res: Response): Promise<void> {
    const url = new URL(req.originalUrl, 'http://fake');
    const rawPath = url.pathname;
    const match = /^\/Mediapartners\/([^/]+)\/(.+?)(\.json|\.xml)?$/.exec(rawPath);
    const rest = match?.[2] ?? '';
    const group = fakeGroupOf(rest);
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(([name]) => name !== 'authorization')
        .map(([k, v]) => [k, String(v)]),
    );
    const entry: FakeRequest = {
      method: req.method,
      url: req.originalUrl,
      path: rawPath,
      query: Object.fromEntries(url.searchParams),
      headers,
      status: 0,
      group,
      at: now(),
    };
    requests.push(entry);
    const format = forcedFormat ?? formatOf(req, rawPath);
    const send = (status: number, body: Body, extraHeaders: Record<string, string> = {}) => {
      entry.status = status;
      if (res.destroyed) return;
      const { contentType, text } = render(format, body);
      res.status(status).set(extraHeaders).type(contentType).send(text);
    };

    if (latencyMs > 0) await wait(latencyMs);
    const credentials = credentialsOf(req);
    if (req.method !== 'GET') return send(405, errorBody('Method Not Allowed'));
    if (credentials === undefined || credentials.user !== accountSid || (match && match[1] !== accountSid)) {
      return send(401, errorBody('Invalid credentials'), { 'WWW-Authenticate': 'Basic realm="impact.com"' });
    }
    if (scopedToken !== undefined && credentials.password === scopedToken) {
      return send(403, errorBody('This token does not have access to this resource'));
    }
    if (credentials.password !== authToken) {
      return send(401, errorBody('Invalid credentials'), { 'WWW-Authenticate': 'Basic realm="impact.com"' });
    }

    const fault = faults.take(rawPath);
    if (fault?.type === 'drop') {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'slow') await wait(fault.delayMs);
    if (fault?.type === 'status') {
      const rateHeaders: Record<string, string> = fault.status === 429 ? limits.headers(group, 0, true) : {};
      if (fault.retryAfterSeconds !== undefined) {
        rateHeaders['Retry-After'] = String(fault.retryAfterSeconds);
        if ('RateLimit-Reset' in rateHeaders) rateHeaders['RateLimit-Reset'] = String(fault.retryAfterSeconds);
      }
      return send(fault.status, errorBody(fault.message ?? `Injected ${fault.status}`), rateHeaders);
    }

    const rate = limits.take(group);
    if (!rate.allowed) return send(429, errorBody('Rate limit exceeded; try again later'), rate.headers);
    if (fault?.type === 'huge') {
      entry.status = 200;
      return streamHuge(res, fault.bytes, fault.declareLength ?? false);
    }
    if (fault?.type === 'raw') {
      entry.status = fault.status ?? 200;
      res
        .status(entry.status)
        .set(rate.headers)
        .type(fault.contentType ?? 'application/json')
        .send(fault.text);
      return;
    }
    if (fault?.type === 'malformed') {
      entry.status = 200;
      const broken = malformed(format);
      res.status(200).set(rate.headers).type(broken.contentType).send(broken.text);
      return;
    }
    const result = answer(data, rest, rawPath, url.searchParams, paging);
    const body = result.element !== undefined && format === 'xml' ? { [result.element]: result.body } : result.body;
    send(result.status, body, rate.headers);
  }

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => {
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.on('close', () => {
      stats.inFlight -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.status(500).json(errorBody(`fake impact API failed: ${String(error)}`));
    });
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    stats,
    seedCatalog: (catalog) => data.seedCatalog(catalog),
    putItem: (catalogId, item) => data.putItem(catalogId, item),
    changeItem: (catalogId, catalogItemId, patch) => data.changeItem(catalogId, catalogItemId, patch),
    deleteItem: (catalogId, catalogItemId) => data.deleteItem(catalogId, catalogItemId),
    setHourlyLimit: (group, perHour) => {
      limits.limits[group] = perHour;
    },
    setRateHeaderStyle: (style) => {
      limits.headerStyle = style;
    },
    usage: (group) => limits.used(group),
    setScopedToken: (token) => {
      scopedToken = token;
    },
    forceFormat: (format) => {
      forcedFormat = format;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setPaging: (mode) => {
      paging = mode;
    },
    injectFault: (fault) => faults.add(fault),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
