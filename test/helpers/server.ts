import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '../../main/server/start.js';
import { request, type SimpleResponse } from './http.js';

export const RENDERER_DIR = path.resolve(fileURLToPath(new URL('../../dist/renderer', import.meta.url)));
export const TEST_SECRET = 'test-secret-0123456789abcdef';
export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** The server face on ephemeral ports over a data folder, with a known secret and token. */
export function startTestServer(dataDir: string, extra: { devOrigin?: string } = {}): Promise<RunningServer> {
  return startServer(
    { dataDir, receiverPort: 0, uiPort: 0, secret: TEST_SECRET, uiToken: TEST_TOKEN, ...extra },
    RENDERER_DIR,
  );
}

/** Calls the UI API with the token. */
export async function api<T>(
  server: RunningServer,
  pathAndQuery: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response: SimpleResponse = await request(`http://127.0.0.1:${server.uiPort}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status >= 400) throw new Error(`${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

export function receiverUrl(server: RunningServer, suffix = ''): string {
  return `http://127.0.0.1:${server.receiverPort}/postback/${TEST_SECRET}${suffix}`;
}
