// Issue 16, item 3: one journal record can make far more feed entries than one stream message carries (re-processing
// the quarantine after a mapping fix). A client resuming from before that record must receive every entry once, in
// order, with its alert: over the server face's SSE, from an id that ends partway through the record, and through
// the desktop's follower of a hub.
import http from 'node:http';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine/index.js';
import type { Engine } from '../../main/engine/types.js';
import { createHubFollower, pairWithHub } from '../../main/follower/index.js';
import { type RemoteListening, startRemoteListener } from '../../main/server/remote-listener.js';
import { createUiApp } from '../../main/server/ui-app.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { allFeed } from '../reliability/helpers/engine-harness.js';
import { memoryStore } from './follower-harness.js';

const SECRET = 'resume-secret-0123456789abcdef';
const TOKEN = 'resume-token-0123456789abcdef';
const ITEMS = 1_000;
const quiet = { info() {}, warn() {}, error() {} };

interface StreamMessage {
  event: string;
  id: string | undefined;
  entries: FeedEntry[];
}

/** Reads the server face's event stream from `lastEventId` until `event: live`. */
function readUntilLive(port: number, lastEventId: string): Promise<StreamMessage[]> {
  return new Promise((resolve, reject) => {
    const messages: StreamMessage[] = [];
    const headers = { authorization: `Bearer ${TOKEN}`, 'last-event-id': lastEventId };
    const req = http.get(`http://127.0.0.1:${port}/api/events`, { headers, agent: false }, (res) => {
      const parser = createParser({
        onEvent: (message) => {
          const data = JSON.parse(message.data) as { entries?: FeedEntry[] };
          messages.push({ event: message.event ?? 'message', id: message.id, entries: data.entries ?? [] });
          if (message.event === 'live') {
            req.destroy();
            resolve(messages);
          }
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk));
    });
    req.on('error', reject);
  });
}

describe('resuming from before a record that made 1,000 feed entries', () => {
  const temp = makeTempDir('shelfwatch-resume-');
  let engine: Engine;
  let ui: http.Server;
  let uiPort: number;
  let remote: RemoteListening;
  /** the stream id a client had before the big record */
  let before: string;
  /** the big record's entries, oldest first, as the hub's feed lists them */
  let expected: FeedEntry[];

  beforeAll(async () => {
    engine = await openEngine({ dataDir: temp.dir, secret: SECRET, uiToken: TOKEN, receiverPort: 0 });
    const { postbackUrl } = await engine.startReceiver();
    ui = createUiApp(engine, { rendererDir: path.join(temp.dir, 'no-ui'), log: quiet }).listen(0, '127.0.0.1');
    await new Promise((resolve) => ui.once('listening', resolve));
    uiPort = (ui.address() as { port: number }).port;
    remote = await startRemoteListener(
      engine,
      { port: 0, host: '127.0.0.1', plain: false },
      temp.dir,
      path.join(temp.dir, 'no-ui'),
      quiet,
    );

    await engine.api.createWatch({ target: { catalogId: '77' }, rules: [{ kind: 'price-below', value: 50 }] });
    expect((await postJson(postbackUrl, { CatalogId: '77', CatalogItemId: 'FIRST', CurrentPrice: '60' })).status).toBe(
      200,
    );
    await until('the first postback', async () => (await engine.api.feed({ limit: 1 })).total === 1);
    before = String(engine.appliedSeq());
    // 1,000 postbacks under a key Shelfwatch does not know: quarantined until the mapping names it
    for (let start = 0; start < ITEMS; start += 50) {
      const batch = Array.from({ length: 50 }, (_, i) =>
        postJson(postbackUrl, { CatalogId: '77', ShelfCode: `BIG-${start + i}`, Name: 'Lamp', CurrentPrice: '20' }),
      );
      expect((await Promise.all(batch)).map((answer) => answer.status)).toEqual(Array(50).fill(200));
    }
    await until('the quarantine', async () => (await engine.api.status(undefined)).receiver.quarantined === ITEMS);
    await engine.api.updateSettings({ mapping: { ShelfCode: 'catalogItemId' } });
    expect(await engine.api.reprocessQuarantine(undefined)).toEqual({ reprocessed: ITEMS, remaining: 0 });

    expected = (await allFeed(engine)).reverse().filter((entry) => entry.seq > Number(before));
  }, 60_000);

  afterAll(async () => {
    await remote?.listening.close();
    await new Promise((resolve) => ui?.close(resolve));
    await engine?.close();
    temp.remove();
  });

  it('is one record that made 1,000 entries, each with its alert', () => {
    expect(expected).toHaveLength(ITEMS);
    expect(new Set(expected.map((entry) => entry.seq)).size).toBe(1);
    expect(expected.every((entry) => entry.alerts.length === 1)).toBe(true);
  });

  it('over the server face: every entry once, in order, with its alert, in messages of at most 200', async () => {
    const messages = await readUntilLive(uiPort, before);
    const feed = messages.filter((message) => message.event === 'feed');
    const alerts = messages.filter((message) => message.event === 'alert');
    expect(feed.flatMap((message) => message.entries).map((entry) => entry.id)).toEqual(expected.map((e) => e.id));
    expect(alerts.flatMap((message) => message.entries).map((entry) => entry.id)).toEqual(expected.map((e) => e.id));
    expect(Math.max(...feed.map((message) => message.entries.length))).toBe(200);
    // a message partway through the record says how far into it; the last one covers the whole record
    const seq = expected[0]?.seq;
    expect(feed.map((message) => message.id)).toEqual([
      `${seq}.199`,
      `${seq}.399`,
      `${seq}.599`,
      `${seq}.799`,
      `${seq}`,
    ]);
    expect(messages.at(-1)).toMatchObject({ event: 'live', id: String(engine.appliedSeq()) });
  });

  it('from an id partway through the record: exactly the rest, once', async () => {
    const seq = expected[0]?.seq;
    const messages = await readUntilLive(uiPort, `${seq}.399`);
    const received = messages.filter((message) => message.event === 'feed').flatMap((message) => message.entries);
    expect(received.map((entry) => entry.id)).toEqual(expected.slice(400).map((entry) => entry.id));
  });

  it('through the follower: every entry once, in order, with its alert, and the resume point after the record', async () => {
    const added = await engine.api.addDevice({ name: 'Laptop' });
    const pairing = await pairWithHub(added.pairingLink, 'Laptop');
    const stored = memoryStore(before);
    const follower = createHubFollower({ ...pairing, lastEventId: stored });
    const feed: FeedEntry[] = [];
    const alerted: FeedEntry[] = [];
    follower.subscribe((event) => {
      if (event.type === 'feed') feed.push(...event.entries);
      if (event.type === 'alert') alerted.push(...event.entries);
    });
    try {
      await until('the follower to be live', () => follower.connection().state === 'live');
      expect(feed.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
      expect(alerted.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
      expect(stored.current).toBe(String(engine.appliedSeq()));
    } finally {
      await follower.close();
    }
  });
});
