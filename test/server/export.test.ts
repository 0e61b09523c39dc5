// The exports over the server face's HTTP routes, as the browser downloads them: the feed with the view's filter,
// and a product's history; a device asks the same routes of a hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import type { CsvExport } from '../../shared/contract/export.js';
import { postJson } from '../helpers/http.js';
import { api, receiverUrl, startTestServer } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';

const temp = makeTempDir('shelfwatch-export-');
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer(temp.dir);
  await api(server, '/api/watches', {
    method: 'POST',
    body: { target: { catalogId: '77', catalogItemId: 'L-1' }, rules: [{ kind: 'price-change' }] },
  });
  for (const price of ['30', '25']) {
    expect(
      (await postJson(receiverUrl(server), { CatalogId: '77', CatalogItemId: 'L-1', CurrentPrice: price })).status,
    ).toBe(200);
  }
  expect(
    (await postJson(receiverUrl(server), { CatalogId: '77', CatalogItemId: 'T-1', Name: 'Tent, 2P' })).status,
  ).toBe(200);
  await until('three feed entries', async () => (await api<{ total: number }>(server, '/api/feed')).total === 3);
});

afterAll(async () => {
  await server?.close();
  temp.remove();
});

describe('CSV export over HTTP', () => {
  it('answers the feed with the filter of the query string', async () => {
    const all = await api<CsvExport>(server, '/api/export/feed');
    expect(all).toMatchObject({ rows: 3, truncated: false });
    expect(all.csv).toContain('"Tent, 2P"');
    const alerts = await api<CsvExport>(server, '/api/export/feed?filter=alerts');
    expect(alerts.filename).toMatch(/^shelfwatch-feed-alerts-\d{4}-\d\d-\d\d\.csv$/);
    expect(alerts.rows).toBe(1);
    expect(alerts.csv.split('\r\n')[1]).toContain(',77,L-1,');
  });

  it('answers a product’s history, and 404 for an unknown product', async () => {
    const history = await api<CsvExport>(server, `/api/export/products/${encodeURIComponent('77:L-1')}`);
    expect(history.csv.replace('\uFEFF', '').split('\r\n').slice(1, -1)).toEqual([
      expect.stringMatching(/,30,,Unknown,,yes$/),
      expect.stringMatching(/,25,,Unknown,,yes$/),
    ]);
    await expect(api(server, `/api/export/products/${encodeURIComponent('77:NOPE')}`)).rejects.toThrow(/^404/);
  });
});
