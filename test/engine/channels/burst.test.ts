// A burst of 1,000 alerts with a 60 s digest makes a handful of messages per channel, never 1,000: the engine with
// its real receiver, a Slack channel and a webhook channel (both digest 60 s), the clock moved past the window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/engine/index.js';
import type { Engine } from '../../../main/engine/types.js';
import { type FakeTarget, startFakeTarget } from '../../fakes/channel-target.js';
import { postJson } from '../../helpers/http.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { until } from '../../helpers/until.js';

const SECRET = 'burst-secret-0123456789abcdef';
const BURST = 1000;
const HANDFUL = 5;

describe('a burst of alerts with a digest window', () => {
  const temp = makeTempDir('shelfwatch-burst-');
  let offset = 0;
  let engine: Engine;
  let port: number;
  let slack: FakeTarget;
  let webhook: FakeTarget;

  beforeAll(async () => {
    slack = await startFakeTarget('slack');
    webhook = await startFakeTarget('webhook');
    engine = await openEngine({
      dataDir: temp.dir,
      secret: SECRET,
      receiverPort: 0,
      clock: () => Date.now() + offset,
      channels: { bases: { slack: slack.origin } },
    });
    port = (await engine.startReceiver()).port;
    await engine.api.createWatch({ target: { catalogId: '77' }, rules: [{ kind: 'price-change' }] });
    await engine.api.createChannel({
      name: 'Slack',
      url: 'slack://T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKl',
      digestSeconds: 60,
    });
    await engine.api.createChannel({
      name: 'Hook',
      url: `json://${webhook.origin.slice('http://'.length)}/in`,
      digestSeconds: 60,
    });
  });

  afterAll(async () => {
    await engine?.close();
    await slack?.close();
    await webhook?.close();
    temp.remove();
  });

  const send = (n: number) =>
    postJson(`http://127.0.0.1:${port}/postback/${SECRET}`, {
      CatalogId: '77',
      CatalogItemId: `B-${n % 50}`,
      Name: `Burst item ${n % 50}`,
      CurrentPrice: (10 + n / 100).toFixed(2),
      Currency: 'USD',
    });

  it(`turns ${BURST} alerts into at most ${HANDFUL} messages per channel, accounting for every alert`, async () => {
    for (let n = 0; n < 50; n++) expect((await send(n)).status).toBe(200); // first seen: no price move yet
    // 50 at a time, as impact.com's senders overlap: each round shares one journal fsync
    for (let start = 50; start < 50 + BURST; start += 50) {
      const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => send(start + i)));
      expect(statuses.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    }
    await until(
      'every alert is applied',
      async () => (await engine.api.feed({ filter: 'alerts', limit: 1 })).total === BURST,
    );
    const waiting = (await engine.api.listChannels(undefined)).items.map((channel) => channel.status.pending);
    expect(waiting.every((pending) => pending >= 1 && pending <= HANDFUL)).toBe(true);
    expect(slack.received.length + webhook.received.length).toBe(0); // the window is still open

    offset += 61_000; // the window closes; the next alert wakes the sender
    expect((await send(50 + BURST)).status).toBe(200);
    await until('the digests are delivered', async () =>
      (await engine.api.listChannels(undefined)).items.every((channel) => channel.status.pending <= 1),
    );
    expect(slack.accepted.length).toBeLessThanOrEqual(HANDFUL);
    expect(webhook.accepted.length).toBeLessThanOrEqual(HANDFUL);
    const totals = webhook.accepted.map((request) => (request.json.data as { total: number }).total);
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(BURST);
    expect(String(slack.accepted[0]?.json.text)).toMatch(/^[\d,]+ Shelfwatch alerts$/);
    expect(JSON.stringify(slack.accepted[0]?.json.blocks)).toContain('more alerts (see the feed in Shelfwatch)');
  });
});
