// P5: from the network only the postback route is reachable, and the UI API answers only loopback + token + a
// loopback Host, with no CORS. The secret never reaches a log, the journal or the store; comparisons are constant-time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import { request } from '../helpers/http.js';
import { startTestServer, TEST_SECRET, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { rawExchange } from './helpers/raw-socket.js';

const timingSafeEqual = vi.hoisted(() => ({ calls: [] as [number, number][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      timingSafeEqual.calls.push([a.byteLength, b.byteLength]);
      return real.timingSafeEqual(a, b);
    },
  };
});
const { secretsMatch } = await import('../../main/engine/receiver/secret.js');

const temp = makeTempDir('shelfwatch-security-');
let server: RunningServer;
const logged: string[] = [];
beforeAll(async () => {
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk, ...rest) => {
    logged.push(String(chunk));
    return write(chunk, ...(rest as []));
  });
  vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args.join(' ')));
  server = await startTestServer(temp.dir);
});
afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
  temp.remove();
});
const ui = (suffix: string) => `http://127.0.0.1:${server.uiPort}${suffix}`;
const auth = { authorization: `Bearer ${TEST_TOKEN}` };

describe('the receiver port', () => {
  for (const target of [
    '/',
    '/api/status',
    '/api/events',
    '/index.html',
    `/postback/${TEST_SECRET}/../../api/status`,
  ]) {
    it(`answers ${target.replace(TEST_SECRET, '<secret>')} with the plain 404, no CORS, no server banner`, async () => {
      const response = await request(`http://127.0.0.1:${server.receiverPort}${target}`, { headers: auth });
      expect([response.status, response.body]).toEqual([404, 'Not found']);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  }
});

describe('the UI API', () => {
  const tokens: [string, Record<string, string>][] = [
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['the token missing its last character', { authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}` }],
    ['the token with a character more', { authorization: `Bearer ${TEST_TOKEN}x` }],
    ['a lower-case scheme', { authorization: `bearer ${TEST_TOKEN}` }],
    ['Basic instead of Bearer', { authorization: `Basic ${TEST_TOKEN}` }],
    ['the receiver secret', { authorization: `Bearer ${TEST_SECRET}` }],
  ];
  for (const [name, headers] of tokens) {
    it(`refuses ${name} with 401`, async () => {
      expect((await request(ui('/api/status'), { headers })).status).toBe(401);
    });
  }

  it('never accepts the token in a URL (see test/server/stream-ticket.test.ts for the event stream)', async () => {
    expect((await request(ui(`/api/status?token=${TEST_TOKEN}`))).status).toBe(401);
  });

  const hosts = [
    'evil.example',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    'evil.example:80',
    '[::2]',
    '0.0.0.0',
  ];
  for (const host of hosts) {
    it(`refuses Host "${host}" with 403 even with the token`, async () => {
      expect((await request(ui('/api/status'), { headers: { ...auth, host } })).status).toBe(403);
    });
  }

  it('refuses a request with no Host at all (HTTP/1.0) with 403', async () => {
    const exchange = await rawExchange(server.uiPort, [
      `GET /api/status HTTP/1.0\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
    ]);
    expect(exchange.statuses).toEqual([403]);
  });

  const origins = [
    'http://evil.example',
    'null',
    'https://127.0.0.1',
    'http://127.0.0.1:1',
    'http://localhost.evil.example',
  ];
  for (const origin of origins) {
    it(`refuses Origin "${origin}" with 403 and no CORS headers`, async () => {
      const response = await request(ui('/api/status'), { headers: { ...auth, origin } });
      expect(response.status).toBe(403);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });
  }

  it('answers a CORS preflight with no Access-Control headers', async () => {
    const response = await request(ui('/api/status'), {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('listens on loopback only', () => {
    expect(new URL(server.uiUrl).hostname).toBe('127.0.0.1');
  });
});

describe('secrets', () => {
  it('never reach a log, the journal or the store, even when sent in the body and query', async () => {
    const base = `http://127.0.0.1:${server.receiverPort}/postback/${TEST_SECRET}`;
    await request(`${base}?catalog_id=1&item_id=S1`, { method: 'GET' });
    await request(`http://127.0.0.1:${server.receiverPort}/postback/${TEST_SECRET}x`, { method: 'POST', body: '{}' });
    await server.engine.api.status(undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged.join('\n')).not.toContain(TEST_SECRET);
    const journal = path.join(temp.dir, 'journal');
    for (const name of fs.readdirSync(journal))
      expect(fs.readFileSync(path.join(journal, name), 'utf8')).not.toContain(TEST_SECRET);
    await server.engine.close().catch(() => undefined);
  });

  it('are compared in constant time over fixed-length digests, whatever the lengths sent', () => {
    timingSafeEqual.calls.length = 0;
    expect(secretsMatch('a', TEST_SECRET)).toBe(false);
    expect(secretsMatch(`${TEST_SECRET}${'x'.repeat(1000)}`, TEST_SECRET)).toBe(false);
    expect(secretsMatch(`X${TEST_SECRET.slice(1)}`, TEST_SECRET)).toBe(false);
    expect(secretsMatch(TEST_SECRET, TEST_SECRET)).toBe(true);
    expect(secretsMatch('', '')).toBe(false);
    expect(timingSafeEqual.calls).toEqual(Array(5).fill([32, 32]));
  });
});
