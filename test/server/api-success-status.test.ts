// The HTTP face answers each method with the success status the contract names (API_ROUTES): a started catch-up
// check is 202 Accepted (its outcome arrives later in the status), everything else 200.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import { startServer } from '../../main/server/start.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { request } from '../helpers/http.js';
import { RENDERER_DIR, TEST_SECRET, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('UI API success statuses', () => {
  const temp = makeTempDir('shelfwatch-status-codes-');
  let fake: FakeImpactApi;
  let server: RunningServer;

  beforeAll(async () => {
    fake = await startFakeImpactApi();
    const impact = { apiBase: fake.url, preset: { accountSid: fake.accountSid, authToken: fake.authToken } };
    const options = { dataDir: path.join(temp.dir, 'data'), receiverPort: 0, uiPort: 0, secret: TEST_SECRET };
    server = await startServer({ ...options, uiToken: TEST_TOKEN, impact }, RENDERER_DIR);
  });

  afterAll(async () => {
    await server?.close();
    await fake?.close();
    temp.remove();
  });

  const call = (method: string, pathname: string, body?: unknown) =>
    request(`http://127.0.0.1:${server.uiPort}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers "Check now" with 202 and how many items it covers', async () => {
    const response = await call('POST', '/api/reconcile', {});
    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toEqual({ total: 0 });
  });

  it('answers other methods with 200', async () => {
    expect((await call('GET', '/api/impact-account')).status).toBe(200);
  });
});
