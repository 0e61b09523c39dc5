// Issue 20: `tail -f` on the server shows the receiver at work: one short info line per postback (method,
// catalog:item, what changed), never the secret; --quiet turns them off.
import { afterEach, describe, expect, it } from 'vitest';
import { readServeOptions } from '../../main/server/options.js';
import { type RunningServer, startServer } from '../../main/server/start.js';
import { postJson, request } from '../helpers/http.js';
import { RENDERER_DIR, receiverUrl, TEST_SECRET, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { captureLog } from '../reliability/helpers/capture-log.js';

const item = (fields: Record<string, string>) => ({ CatalogId: '24836', CatalogItemId: 'ACME-TB-12', ...fields });

describe('the server log', () => {
  const temp = makeTempDir('shelfwatch-postback-log-');
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    temp.remove();
  });

  const start = async (quiet: boolean) => {
    const log = captureLog();
    const options = { dataDir: temp.dir, receiverPort: 0, uiPort: 0, secret: TEST_SECRET, uiToken: TEST_TOKEN, quiet };
    server = await startServer(options, RENDERER_DIR, log);
    return log;
  };
  const postbackLines = (log: { lines: string[] }) => log.lines.filter((line) => line.startsWith('info postback'));

  it('writes one line per postback: what changed, a repeat, a test, one that needs attention, a GET, one applied in part', async () => {
    const log = await start(false);
    const url = receiverUrl(server as RunningServer);
    await postJson(url, item({ Name: 'Tennis balls', CurrentPrice: '39.99', Currency: 'USD' }));
    await postJson(url, item({ CurrentPrice: '34.99' }));
    await postJson(url, item({ CurrentPrice: '34.99' }));
    await postJson(url, { CatalogId: '{CatalogId}', CatalogItemId: '{CatalogItemId}' });
    await postJson(url, { hello: 'impact\nforged line' });
    await request(`${url}?CatalogId=24836&CatalogItemId=ACME-TB-12&StockAvailability=OutOfStock`);
    await postJson(url, item({ CurrentPrice: 'thirty-four', StockAvailability: 'InStock' }));
    await until('seven log lines', () => postbackLines(log).length === 7);
    expect(postbackLines(log)).toEqual([
      'info postback POST 24836:ACME-TB-12: New: $39.99',
      'info postback POST 24836:ACME-TB-12: $39.99 → $34.99 (−12.5%)',
      'info postback POST 24836:ACME-TB-12: no change (a repeat)',
      'info postback POST: test postback',
      expect.stringMatching(/^info postback POST: needs attention \(Setup\): [^\n]+$/),
      'info postback GET 24836:ACME-TB-12: Unknown → Out of stock',
      // applied in part: the line says what could not be read, as "Need attention" does
      'info postback POST 24836:ACME-TB-12: Out of stock → In stock · needs attention: CurrentPrice "thirty-four" is not a price',
    ]);
    expect(log.lines.join('\n')).not.toContain(TEST_SECRET);
  });

  it('writes none with --quiet', async () => {
    expect(readServeOptions(['--quiet'], {}).quiet).toBe(true);
    expect(readServeOptions([], { SHELFWATCH_QUIET: '1' }).quiet).toBe(true);
    expect(readServeOptions([], {}).quiet).toBe(false);
    const log = await start(true);
    await postJson(receiverUrl(server as RunningServer), item({ CurrentPrice: '10' }));
    await until(
      'the postback applied',
      async () => (await server?.engine.api.status(undefined))?.receiver.received === 1,
    );
    expect(postbackLines(log)).toEqual([]);
  });
});
