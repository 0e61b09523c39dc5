// The receiver exposes one route; the UI API answers only loopback + token. Statuses a user (and impact.com) sees.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import type { Status } from '../../shared/contract/status.js';
import { request } from '../helpers/http.js';
import { api, receiverUrl, startTestServer, TEST_SECRET, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let server: RunningServer;
const base = () => `http://127.0.0.1:${server.receiverPort}`;
const journalBytes = () =>
  fs
    .readdirSync(path.join(temp.dir, 'journal'))
    .reduce((sum, name) => sum + fs.statSync(path.join(temp.dir, 'journal', name)).size, 0);

beforeAll(async () => {
  server = await startTestServer(temp.dir);
});
afterAll(async () => {
  await server.close();
  temp.remove();
});

describe('receiver', () => {
  const notFound: [string, string][] = [
    ['GET', '/'],
    ['POST', '/postback/wrong-secret'],
    ['POST', `/postback/${TEST_SECRET.slice(0, -1)}`],
    ['POST', `/postback/${TEST_SECRET}x`],
    ['POST', '/postback/'],
    ['PUT', `/postback/${TEST_SECRET}`],
    ['DELETE', `/postback/${TEST_SECRET}`],
    ['GET', `/postback/${TEST_SECRET}/extra`],
    ['GET', '/api/status'],
  ];
  for (const [method, url] of notFound) {
    it(`${method} ${url.replace(TEST_SECRET, '<secret>')} → the same plain 404, nothing stored`, async () => {
      const before = journalBytes();
      const response = await request(base() + url, { method, body: method === 'POST' ? '{"item":"x"}' : undefined });
      expect(response.status).toBe(404);
      expect(response.body).toBe('Not found');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(journalBytes()).toBe(before);
    });
  }

  it('answers 413 above 64 KiB and 200 at exactly 64 KiB', async () => {
    const at = (size: number) => `{"item_id":"BIG","catalog_id":"1","name":"${'x'.repeat(size - 44)}"}`;
    expect(at(65_536)).toHaveLength(65_536);
    const exact = await request(receiverUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: at(65_536),
    });
    const over = await request(receiverUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: at(65_537),
    });
    expect([exact.status, over.status]).toEqual([200, 413]);
  });

  it('stores an authenticated but unusable postback in the quarantine and answers 200', async () => {
    const response = await request(receiverUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"artikel":"A-1","preis":"3"}',
    });
    expect(response.status).toBe(200);
    let status = await api<Status>(server, '/api/status');
    for (let i = 0; i < 50 && status.receiver.quarantined === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await api<Status>(server, '/api/status');
    }
    expect(status.receiver.quarantined).toBe(1);
    const [entry] = await api<{ reason: string; raw: { body: string } }[]>(server, '/api/quarantine');
    expect(entry?.raw.body).toBe('{"artikel":"A-1","preis":"3"}');
    expect(entry?.reason).toMatch(/item id/i);
  });
});

describe('receiver allow-list', () => {
  const settings = (allowList: string[]) =>
    api(server, '/api/settings', { method: 'PATCH', body: { receiver: { allowList } } });
  const post = () =>
    request(receiverUrl(server), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('answers a sender outside the ranges with the same 404 as a wrong secret, and stores nothing', async () => {
    await settings(['203.0.113.0/24', '2001:db8::/32']);
    const before = journalBytes();
    const refused = await post();
    expect([refused.status, refused.body]).toEqual([404, 'Not found']);
    expect(journalBytes()).toBe(before);
    await settings(['127.0.0.0/8']);
    expect((await post()).status).toBe(200);
    await settings([]); // off again: anyone with the secret
    expect((await post()).status).toBe(200);
  });

  it('refuses a range that is not one, naming it', async () => {
    await expect(settings(['10.0.0.0/33'])).rejects.toThrow(/^400 .*receiver\.allowList\[0\] must be an address range/);
  });
});

describe('UI API', () => {
  const ui = (suffix: string) => `http://127.0.0.1:${server.uiPort}${suffix}`;

  it('requires the bearer token', async () => {
    expect((await request(ui('/api/status'))).status).toBe(401);
    expect((await request(ui('/api/status'), { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await request(ui('/api/status'), { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, and sends no CORS headers', async () => {
    const auth = { authorization: `Bearer ${TEST_TOKEN}` };
    expect((await request(ui('/api/status'), { headers: { ...auth, host: 'evil.example' } })).status).toBe(403);
    const cross = await request(ui('/api/status'), { headers: { ...auth, origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    const ok = await request(ui('/api/status'), { headers: { ...auth, host: 'localhost' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('explains bad input with a clear message and a 4xx', async () => {
    const response = await request(ui('/api/watches'), {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ target: { catalogId: 'abc', catalogItemId: 'X' }, rules: [{ kind: 'removed' }] }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toBe('target.catalogId must be a number, e.g. 24836 (the catalog id).');
  });
});
