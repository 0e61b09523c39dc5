// Bad requests to every UI API method over real HTTP, against the server face: each is refused with exactly 400 and
// a message that starts with the field's name, nothing reaches the journal (its bytes are compared), and afterwards
// the server restarts cleanly with its data as it was. (Issue 9: parse before anything is journaled.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import { API_METHODS, type ApiMethod } from '../../shared/contract/routes.js';
import type { Settings } from '../../shared/contract/settings.js';
import type { Watch } from '../../shared/contract/watch.js';
import { postJson } from '../helpers/http.js';
import { api, receiverUrl, startTestServer, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { BAD_REQUESTS } from './helpers/bad-ui-requests.js';
import { callUiApi } from './helpers/ui-api-request.js';

const temp = makeTempDir('shelfwatch-ui-bad-');
let server: RunningServer;
let watch: Watch;
let settings: Settings;

const journalBytes = (): Buffer => {
  const dir = path.join(temp.dir, 'journal');
  return Buffer.concat(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => fs.readFileSync(path.join(dir, name))),
  );
};

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 200) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  server = await startTestServer(temp.dir);
  const item = { CatalogId: '77', CatalogItemId: 'seed-1', Name: 'Seed lamp', CurrentPrice: '9.99' };
  expect((await postJson(receiverUrl(server), item)).status).toBe(200);
  await until(async () => (await api<{ total: number }>(server, '/api/feed')).total === 1);
  watch = await api<Watch>(server, '/api/watches', {
    method: 'POST',
    body: { target: { catalogId: '77', catalogItemId: 'seed-1' }, rules: [{ kind: 'price-below', value: 8 }] },
  });
  settings = await api<Settings>(server, '/api/settings', { method: 'PATCH', body: { launchAtLogin: true } });
});

afterAll(async () => {
  await server?.close();
  temp.remove();
});

describe('bad UI API requests', () => {
  it('cover every method, at least 60 of them', () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(60);
    const methods = new Set<ApiMethod>(BAD_REQUESTS.map((row) => row.call.method));
    expect([...methods].sort()).toEqual([...API_METHODS].sort());
  });

  for (const row of BAD_REQUESTS) {
    it(`${row.call.method}: ${row.name} → 400 naming ${row.field}`, async () => {
      const before = journalBytes();
      const call = { ...row.call, params: { key: '77:seed-1', id: watch.id, ...row.call.params } };
      const response = await callUiApi(server.uiPort, TEST_TOKEN, call);
      expect(response.status).toBe(400);
      const { error } = JSON.parse(response.body) as { error: string };
      expect(error.startsWith(`${row.field} `), `"${error.slice(0, 200)}" should start with "${row.field} "`).toBe(
        true,
      );
      expect(error.length).toBeLessThan(500);
      expect(journalBytes().equals(before)).toBe(true);
    });
  }

  it('leaves the data as it was: the server restarts cleanly with the seeded product, watch and settings', async () => {
    await server.close();
    server = await startTestServer(temp.dir);
    expect((await api<{ notices: unknown[] }>(server, '/api/status')).notices).toEqual([]);
    expect(await api<Settings>(server, '/api/settings')).toEqual(settings);
    expect(await api<Watch[]>(server, '/api/watches')).toEqual([watch]);
    const detail = await api<{ product: { name: string } }>(server, `/api/products/${encodeURIComponent('77:seed-1')}`);
    expect(detail.product.name).toBe('Seed lamp');
  });
});
