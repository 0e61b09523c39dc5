// The receiver's header value is a secret like the postback secret: kept in the secrets files (0600, both copies),
// never journaled nor written to documents.json, masked in every settings answer (a device's too), and still set,
// replaced and removed through the settings. A folder of an older version, which kept it in documents.json and in
// journaled settings changes, has it moved into the secrets at start, and an old journal line replayed later never
// brings an older value back.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { JournalWriter } from '../../main/engine/journal/index.js';
import { SECRET_SET_MASK } from '../../shared/contract/secret-mask.js';
import { faultyFileSystem } from '../fakes/faulty-fs.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { journalRecords, startEngine, type TestEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';

const temps: { remove(): void }[] = [];
const running: TestEngine[] = [];
afterEach(async () => {
  for (const test of running.splice(0)) await test.close();
  for (const temp of temps.splice(0)) temp.remove();
});

function folder(): string {
  const temp = makeTempDir('shelfwatch-header-');
  temps.push(temp);
  return temp.dir;
}

async function start(dir: string, setup: Parameters<typeof startEngine>[1] = {}): Promise<TestEngine> {
  const test = await startEngine(dir, setup);
  running.push(test);
  return test;
}

async function stop(test: TestEngine): Promise<void> {
  running.splice(running.indexOf(test), 1);
  await test.close();
}

/** The receiver's answer to a postback carrying `value` in the X-Hub header. */
const postWithHeader = async (test: TestEngine, value: string | null, item = `h-${Math.random()}`) =>
  (
    await post(
      test,
      itemJson(item),
      value === null ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', 'x-hub': value },
    )
  )[0];

const text = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const journalText = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'journal'))
    .map((name) => text(dir, path.join('journal', name)))
    .join('\n');
const secretsHeader = (dir: string) => (JSON.parse(text(dir, 'secrets.json')) as { header?: { value: string } }).header;

describe('the header value set through the settings', () => {
  it('guards the receiver, is masked in every answer, and is in no journal line nor documents file', async () => {
    const dir = folder();
    const test = await start(dir);
    const answer = await test.engine.api.updateSettings({ receiver: { headerName: 'X-Hub', headerValue: 'hv-1a2b' } });
    expect(answer.receiver).toMatchObject({ headerName: 'X-Hub', headerValue: SECRET_SET_MASK });
    expect((await test.engine.api.getSettings(undefined)).receiver.headerValue).toBe(SECRET_SET_MASK);
    expect((await test.engine.apiFor('a-device').getSettings(undefined)).receiver.headerValue).toBe(SECRET_SET_MASK);
    expect((await test.engine.apiFor('a-device').setup(undefined)).headerValue).toBe(SECRET_SET_MASK);
    expect((await test.engine.api.setup(undefined)).headerValue).toBe('hv-1a2b'); // the hub's own Setup, to copy
    expect(await postWithHeader(test, 'hv-1a2b')).toBe(200);
    expect(await postWithHeader(test, 'wrong')).toBe(404);
    expect(await postWithHeader(test, null)).toBe(404);

    await stop(test);
    expect(journalText(dir)).toContain('X-Hub'); // the header name is an ordinary setting
    expect(journalText(dir)).not.toContain('hv-1a2b');
    expect(text(dir, 'documents.json')).not.toContain('hv-1a2b');
    expect(secretsHeader(dir)?.value).toBe('hv-1a2b');
    expect(text(dir, 'secrets.prev.json')).toBe(text(dir, 'secrets.json'));

    const again = await start(dir);
    expect(await postWithHeader(again, 'hv-1a2b')).toBe(200);
  });

  it('the mask sent back changes nothing; a new value replaces it; an empty one removes it', async () => {
    const dir = folder();
    const test = await start(dir);
    await test.engine.api.updateSettings({ receiver: { headerName: 'X-Hub', headerValue: 'first' } });
    const records = await journalRecords(dir);
    await test.engine.api.updateSettings({ receiver: { headerValue: SECRET_SET_MASK } });
    expect(await journalRecords(dir)).toBe(records); // nothing else in it: nothing journaled
    expect(await postWithHeader(test, 'first')).toBe(200);
    await test.engine.api.updateSettings({ receiver: { headerValue: 'second', port: 8788 } });
    expect(await postWithHeader(test, 'first')).toBe(404);
    expect(await postWithHeader(test, 'second')).toBe(200);
    expect((await test.engine.api.getSettings(undefined)).receiver.port).toBe(8788);
    await test.engine.api.updateSettings({ receiver: { headerName: '', headerValue: '' } });
    expect((await test.engine.api.getSettings(undefined)).receiver.headerValue).toBe('');
    expect(await postWithHeader(test, null)).toBe(200);
    expect(secretsHeader(dir)?.value).toBe('');
  });

  it('when the rest of the change cannot be journaled: 503, and the old header value stays in force', async () => {
    const dir = folder();
    const faulty = faultyFileSystem();
    const test = await start(dir, { fileSystem: faulty.fsys });
    await test.engine.api.updateSettings({ receiver: { headerName: 'X-Hub', headerValue: 'kept' } });
    faulty.fail('fdatasync', 'ENOSPC');
    const refused = test.engine.api.updateSettings({ receiver: { headerName: 'X-Other', headerValue: 'lost' } });
    await expect(refused).rejects.toMatchObject({ status: 503 });
    faulty.heal();
    expect(await postWithHeader(test, 'kept')).toBe(200);
    expect(secretsHeader(dir)?.value).toBe('kept');
  });
});

describe('a folder of an older version, which kept the header value in the settings', () => {
  /** A folder in use, then made to look like the older version's: the value in both documents files, not in the secrets. */
  async function olderFolder(value: string): Promise<string> {
    const dir = folder();
    const test = await start(dir, { checkpoint: { quietMs: 1, maxDelayMs: 2 } });
    expect(await post(test, itemJson('older-1'))).toEqual([200]);
    await test.engine.api.updateSettings({ receiver: { headerName: 'X-Hub' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await test.engine.api.updateSettings({ retention: { journalDays: 8 } }); // a second documents generation
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stop(test);
    for (const name of ['documents.json', 'documents.prev.json']) {
      const documents = JSON.parse(text(dir, name));
      documents.settings.receiver.headerValue = value;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(documents, null, 2));
    }
    for (const name of ['secrets.json', 'secrets.prev.json']) {
      const { header: _none, ...secrets } = JSON.parse(text(dir, name));
      fs.writeFileSync(path.join(dir, name), JSON.stringify(secrets));
    }
    return dir;
  }

  /** A settings change as the older version journaled it: the value in clear. */
  async function journalOldChange(dir: string, headerValue: string): Promise<void> {
    const journal = path.join(dir, 'journal');
    const writer = new JournalWriter({
      fsys: nodeFileSystem,
      dir: journal,
      lastSeq: await journalRecords(dir),
      onDurable: () => {},
      onFault: () => {},
    });
    await writer.append(
      { type: 'command', command: { kind: 'updateSettings', patch: { receiver: { headerValue } } } },
      Date.now(),
    );
    await writer.close();
  }

  it('moves it from documents.json into the secrets and scrubs both documents files', async () => {
    const dir = await olderFolder('old-doc-value');
    const test = await start(dir);
    expect(await postWithHeader(test, 'old-doc-value')).toBe(200);
    expect((await test.engine.api.getSettings(undefined)).receiver.headerValue).toBe(SECRET_SET_MASK);
    expect(text(dir, 'documents.json')).not.toContain('old-doc-value');
    expect(text(dir, 'documents.prev.json')).not.toContain('old-doc-value');
    expect(secretsHeader(dir)?.value).toBe('old-doc-value');
  });

  it('takes a newer journaled value over the documents’ one, and a later replay never brings an older one back', async () => {
    const dir = await olderFolder('old-doc-value');
    await journalOldChange(dir, 'old-journaled-value');
    let test = await start(dir);
    expect(await postWithHeader(test, 'old-journaled-value')).toBe(200);
    await test.engine.api.updateSettings({ receiver: { headerValue: 'new-value' } });
    await stop(test);

    // Both documents files lost: rebuilt from the whole journal, whose old line carries the older value.
    for (const name of ['documents.json', 'documents.prev.json']) fs.rmSync(path.join(dir, name));
    test = await start(dir);
    expect(await postWithHeader(test, 'new-value')).toBe(200);
    expect(await postWithHeader(test, 'old-journaled-value')).toBe(404);
    expect((await test.engine.api.getSettings(undefined)).receiver.headerName).toBe('X-Hub');
  });
});
