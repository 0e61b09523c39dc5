// Every error the UI server answers is JSON with the right status and a message for the user: never Express's HTML
// error page, a stack trace or a file path (issue 8, point 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import { request, type SimpleResponse } from '../helpers/http.js';
import { startTestServer, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let server: RunningServer;
const auth = { authorization: `Bearer ${TEST_TOKEN}` };
const ui = (suffix: string) => `http://127.0.0.1:${server.uiPort}${suffix}`;

beforeAll(async () => {
  server = await startTestServer(temp.dir);
});
afterAll(async () => {
  await server.close();
  temp.remove();
});

/** The machine-readable code each status answers with, beside the message (ApiErrorBody). */
const CODES: Record<number, string> = {
  400: 'invalid_request',
  404: 'not_found',
  413: 'too_large',
  415: 'unsupported_media_type',
};

function expectJsonError(response: SimpleResponse, status: number, message: RegExp): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: string; code: string };
  expect(Object.keys(body)).toEqual(['error', 'code']);
  expect(body.error).toMatch(message);
  expect(body.code).toBe(CODES[status]);
  expect(response.body).not.toMatch(/<html|<pre>|\bat \w+ \(|node_modules|\/work\/|\/home\//i);
}

describe('UI API errors', () => {
  it('a malformed JSON body → 400 saying so, with the position', async () => {
    const response = await request(ui('/api/settings'), {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"launchAtLogin": tru',
    });
    expectJsonError(response, 400, /^The request body is not valid JSON \(.*(position|end)/i);
  });

  it('a body over the limit → 413, unread', async () => {
    const response = await request(ui('/api/settings'), {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ receiver: { headerValue: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expectJsonError(response, 413, /too large \(the limit is 2 MB\)/);
  });

  it('a body that is not JSON → 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await request(ui('/api/feed/read'), {
        method: 'POST',
        headers: { ...auth, 'content-type': contentType },
        body: 'all=true',
      });
      expectJsonError(response, 415, /Send the request body as JSON/);
    }
  });

  it('a body in an unknown encoding → 415', async () => {
    const response = await request(ui('/api/feed/read'), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'x-custom' },
      body: '{"all":true}',
    });
    expectJsonError(response, 415, /UTF-8 JSON/);
  });

  it('an unknown route or verb → 404, under /api and outside it', async () => {
    expectJsonError(await request(ui('/api/nope'), { headers: auth }), 404, /No such API route/);
    expectJsonError(await request(ui('/api/settings'), { method: 'PUT', headers: auth }), 404, /No such API route/);
    expectJsonError(await request(ui('/nope.txt')), 404, /Not found/);
  });

  it('a malformed URL → 400, not an HTML page', async () => {
    const response = await request(ui('/%E0%A4%A'));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).not.toMatch(/<html|<pre>/i);
  });

  it('a body without a content type but with content → 415; no body at all is fine', async () => {
    const noType = await request(ui('/api/quarantine/reprocess'), { method: 'POST', headers: auth, body: '{}' });
    expectJsonError(noType, 415, /as JSON/);
    const empty = await request(ui('/api/quarantine/reprocess'), { method: 'POST', headers: auth });
    expect(empty.status).toBe(200);
  });
});

describe('the dev origin', () => {
  it('is refused by default and trusted only when the server was started with it', async () => {
    const viteOrigin = { ...auth, origin: 'http://localhost:5173' };
    expect((await request(ui('/api/status'), { headers: viteOrigin })).status).toBe(403);
    const devTemp = makeTempDir();
    const dev = await startTestServer(devTemp.dir, { devOrigin: 'http://localhost:5173' });
    try {
      const url = `http://127.0.0.1:${dev.uiPort}/api/status`;
      expect((await request(url, { headers: viteOrigin })).status).toBe(200);
      expect((await request(url, { headers: { ...auth, origin: 'http://localhost:5174' } })).status).toBe(403);
    } finally {
      await dev.close();
      devTemp.remove();
    }
  });
});
