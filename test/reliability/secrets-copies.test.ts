// The postback secret must survive a damaged or missing secrets file: impact.com keeps posting to the URL it was
// given, and a silently new secret answers all of it 404. secrets.json has a copy, secrets.prev.json; each is written
// atomically. One lost → restored from the other, same URL, and a notice. Both lost → a new URL, and the status says
// so loudly (the UI shows it in the status line, on Setup and in the tray) until the user acknowledges it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import type { ApiError } from '../../shared/contract/errors.js';
import { request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { itemJson } from './helpers/postbacks.js';

const temps: { remove(): void }[] = [];
const open: Engine[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
  for (const temp of temps.splice(0)) temp.remove();
});

const MAIN = 'secrets.json';
const COPY = 'secrets.prev.json';

async function start(dir: string) {
  const engine = await openEngine({ dataDir: dir, receiverHost: '127.0.0.1', receiverPort: 0 });
  open.push(engine);
  const { postbackUrl } = await engine.startReceiver();
  return { engine, postbackUrl };
}

async function stop(engine: Engine): Promise<void> {
  open.splice(open.indexOf(engine), 1);
  await engine.close();
}

const postTo = async (url: string, item: string) =>
  (await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: itemJson(item) }))
    .status;

/** A folder in use: a postback received, so it is not new; returns the postback URL impact.com was given. */
async function folderInUse(): Promise<{ dir: string; url: string }> {
  const temp = makeTempDir('shelfwatch-secrets-');
  temps.push(temp);
  const { engine, postbackUrl } = await start(temp.dir);
  expect(await postTo(postbackUrl, 'before')).toBe(200);
  await stop(engine);
  return { dir: temp.dir, url: postbackUrl.replace(/:\d+\//, ':PORT/') };
}

const atPort = (url: string, postbackUrl: string) => url.replace(':PORT/', `:${new URL(postbackUrl).port}/`);
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('one of the two secrets files lost', () => {
  const cases: [string, (dir: string) => void, RegExp | null][] = [
    ['secrets.json damaged', (d) => fs.writeFileSync(path.join(d, MAIN), '{"secret":'), /could not be read.*moved/],
    ['secrets.json NUL-filled', (d) => fs.writeFileSync(path.join(d, MAIN), Buffer.alloc(64)), /could not be read/],
    ['secrets.json missing', (d) => fs.rmSync(path.join(d, MAIN)), /could not be read.*restored from its copy/],
    ['secrets.prev.json damaged', (d) => fs.writeFileSync(path.join(d, COPY), 'x'), null],
    ['secrets.prev.json missing', (d) => fs.rmSync(path.join(d, COPY)), null],
  ];
  for (const [name, damage, notice] of cases) {
    it(`${name}: the postback URL is kept${notice ? ', with a notice' : ''}, and both files are whole again`, async () => {
      const { dir, url } = await folderInUse();
      damage(dir);
      const { engine, postbackUrl } = await start(dir);
      expect(postbackUrl).toBe(atPort(url, postbackUrl));
      expect(await postTo(postbackUrl, 'after')).toBe(200);
      const status = await engine.api.status(undefined);
      if (notice) expect(status.notices.map((notice) => notice.message).join(' ')).toMatch(notice);
      else expect(status.notices).toEqual([]);
      expect(status.postbackUrlChanged).toBeNull();
      expect(read(dir, COPY)).toBe(read(dir, MAIN));
    });
  }

  it('a secrets.json that cannot be read (not damaged: here a folder in its place) stops the start and is kept', async () => {
    const { dir } = await folderInUse();
    fs.rmSync(path.join(dir, MAIN));
    fs.mkdirSync(path.join(dir, MAIN));
    await expect(start(dir)).rejects.toThrow(/^Cannot read secrets\.json in the data folder \(EISDIR\)/);
    expect(fs.statSync(path.join(dir, MAIN)).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(dir, 'shelfwatch.lock'))).toBe(false);
  });

  it('after "Regenerate secret", the copy holds the new secret too: a damaged file never brings the old URL back', async () => {
    const { dir } = await folderInUse();
    const first = await start(dir);
    const fresh = (await first.engine.api.regenerateSecret(undefined)).postbackUrl;
    await stop(first.engine);
    fs.writeFileSync(path.join(dir, MAIN), 'damaged');
    const { postbackUrl } = await start(dir);
    expect(new URL(postbackUrl).pathname).toBe(new URL(fresh).pathname);
  });
});

describe('both secrets files lost', () => {
  const cases: [string, (dir: string) => void][] = [
    [
      'both missing',
      (d) => {
        for (const name of [MAIN, COPY]) fs.rmSync(path.join(d, name));
      },
    ],
    [
      'both damaged',
      (d) => {
        fs.writeFileSync(path.join(d, MAIN), '\u0000');
        fs.writeFileSync(path.join(d, COPY), '{}');
      },
    ],
  ];
  for (const [name, damage] of cases) {
    it(`${name}: a new URL, said loudly and again after a restart, until acknowledged`, async () => {
      const { dir, url } = await folderInUse();
      damage(dir);
      let { engine, postbackUrl } = await start(dir);
      expect(postbackUrl).not.toBe(atPort(url, postbackUrl));
      expect(await postTo(atPort(url, postbackUrl), 'to the old URL')).toBe(404);
      expect(await postTo(postbackUrl, 'to the new URL')).toBe(200);
      const change = (await engine.api.status(undefined)).postbackUrlChanged;
      expect(change).toEqual({ at: expect.any(String), headerValueLost: false });

      // A restart (before anyone looked) still says it; a device may not dismiss it and does not see it.
      await stop(engine);
      ({ engine, postbackUrl } = await start(dir));
      expect((await engine.api.status(undefined)).postbackUrlChanged).toEqual(change);
      const device = engine.apiFor('some-device');
      expect((await device.status(undefined)).postbackUrlChanged).toBeNull();
      await expect(device.acknowledgeUrlChange(undefined)).rejects.toMatchObject({
        status: 403,
      } satisfies Partial<ApiError>);

      expect((await engine.api.acknowledgeUrlChange(undefined)).postbackUrlChanged).toBeNull();
      await stop(engine);
      ({ engine } = await start(dir));
      expect((await engine.api.status(undefined)).postbackUrlChanged).toBeNull();
    });
  }

  it('with a header name set, says that the header value was lost too', async () => {
    const { dir } = await folderInUse();
    const first = await start(dir);
    await first.engine.api.updateSettings({ receiver: { headerName: 'X-Shelfwatch', headerValue: 'h-secret-1' } });
    await stop(first.engine);
    for (const name of [MAIN, COPY]) fs.rmSync(path.join(dir, name));
    const { engine } = await start(dir);
    expect((await engine.api.status(undefined)).postbackUrlChanged?.headerValueLost).toBe(true);
  });

  it('in a new folder: nothing to say (there was no URL yet)', async () => {
    const temp = makeTempDir('shelfwatch-secrets-new-');
    temps.push(temp);
    const { engine } = await start(temp.dir);
    const status = await engine.api.status(undefined);
    expect([status.postbackUrlChanged, status.notices]).toEqual([null, []]);
    expect(read(temp.dir, COPY)).toBe(read(temp.dir, MAIN));
  });
});
