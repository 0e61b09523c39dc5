// Issue 11 end to end under plain Node: the built server face as a hub (a child process, TLS with its generated
// certificate) and a follower paired through a pairing link. While the follower is away, 300 postbacks for watched
// products arrive and the hub is killed with kill -9 and restarted midway; the follower comes back with its
// Last-Event-ID and receives every feed entry the hub has, exactly once, in order, and one while-away digest. Then
// the hub is killed again while the follower is live, and it catches up again by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationRequest, Notifier } from '../../main/desktop/notifier.js';
import { createHubFollower, type FollowerEvent, type HubFollower, pairWithHub } from '../../main/follower/index.js';
import type { FeedEntry, FeedPage } from '../../shared/contract/feed.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import type { ServeChild } from '../e2e/serve-child.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { addDevice, adminApi, freePorts, HUB_SECRET, type HubPorts, startHub } from './hub-child.js';

const WATCHED = 30;
const WHILE_AWAY = 300;
const FAST_RETRY = { backoff: { baseMs: 50, capMs: 400 } };

const item = (n: number, price: number) => ({
  CatalogId: '77',
  CatalogItemId: `W-${n}`,
  Name: `Watched lamp ${n}`,
  CurrentPrice: price.toFixed(2),
  CampaignId: '4521',
});

describe('a follower of a hub that is killed and restarted while the follower is away and while it is live', () => {
  const temp = makeTempDir('shelfwatch-hub-');
  let ports: HubPorts;
  let hub: ServeChild;
  let pairing: Awaited<ReturnType<typeof pairWithHub>>;
  const lastEventId = { id: null as string | null };
  const store = {
    load: () => lastEventId.id,
    save: (id: string) => {
      lastEventId.id = id;
    },
    clear: () => {
      lastEventId.id = null;
    },
  };

  /** Sends postbacks the way impact.com does: a refused or failed one is sent again until it is acknowledged. */
  async function deliver(bodies: object[], killAfter?: number): Promise<void> {
    for (const [index, body] of bodies.entries()) {
      if (index === killAfter) await killAndRestart();
      await until('an acknowledgement', async () => {
        const url = `http://127.0.0.1:${ports.receiver}/postback/${HUB_SECRET}`;
        return (await postJson(url, body).catch(() => ({ status: 0 }))).status === 200;
      });
    }
  }

  async function killAndRestart(): Promise<void> {
    process.kill(hub.pid, 'SIGKILL');
    await hub.stop();
    hub = await startHub(temp.dir, ports);
  }

  async function hubFeed(): Promise<FeedEntry[]> {
    const entries: FeedEntry[] = [];
    for (let before = ''; ; ) {
      const page = await adminApi<FeedPage>(ports, `/api/feed?limit=200${before ? `&before=${before}` : ''}`);
      entries.push(...page.items);
      if (!page.next) return entries.reverse();
      before = page.next;
    }
  }

  function follow(onEvent: (event: FollowerEvent, catchUp: boolean) => void): HubFollower {
    const follower = createHubFollower({ ...pairing, lastEventId: store, timing: FAST_RETRY });
    follower.subscribe((event, meta) => onEvent(event, meta.catchUp));
    return follower;
  }

  beforeAll(async () => {
    ports = await freePorts();
    hub = await startHub(temp.dir, ports);
    for (let n = 0; n < WATCHED; n++) {
      await adminApi(ports, '/api/watches', {
        method: 'POST',
        body: { target: { catalogId: '77', catalogItemId: `W-${n}` }, rules: [{ kind: 'price-change' }] },
      });
    }
    const added = await addDevice(ports, 'Laptop');
    expect(added.pairingLink).toMatch(
      /^shelfwatch:\/\/pair\?hub=https%3A%2F%2F127\.0\.0\.1%3A\d+&code=[A-Z2-9-]+&fp=[0-9a-f]{64}$/,
    );
    pairing = await pairWithHub(added.pairingLink, 'Laptop');
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    temp.remove();
  });

  it('catches up on 300 changes made while it was away (through a kill -9), once each, in order, with one digest', async () => {
    const first: FeedEntry[] = [];
    const follower = follow((event) => {
      if (event.type === 'feed') first.push(...event.entries);
    });
    await until('the follower to be live', () => follower.connection().state === 'live');
    await deliver(Array.from({ length: WATCHED }, (_, n) => item(n, 100)));
    await until('the first entries', () => first.length === WATCHED);
    await follower.close(); // the laptop sleeps
    const resumeFrom = Number(lastEventId.id);

    const away = Array.from({ length: WHILE_AWAY }, (_, i) => item(i % WATCHED, 90 - Math.floor(i / WATCHED)));
    await deliver(away, WHILE_AWAY / 2);

    const shown: NotificationRequest[] = [];
    const notifier = new Notifier({
      createNotification: (request) => {
        shown.push(request);
        return { show() {}, on() {} };
      },
      isSupported: () => true,
      onClick: () => {},
      settings: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, digestWindowSeconds: 0 } },
    });
    const received: { entry: FeedEntry; catchUp: boolean }[] = [];
    const again = follow((event, catchUp) => {
      if (event.type === 'feed') received.push(...event.entries.map((entry) => ({ entry, catchUp })));
      notifier.handleEvent(event.type === 'reset' ? { type: 'status', status: {} as never } : event, catchUp);
    });
    again.onConnection((state) => {
      if (state.state === 'live') notifier.caughtUp();
    });
    const expected = (await hubFeed()).filter((entry) => entry.seq > resumeFrom);
    expect(expected).toHaveLength(WHILE_AWAY);
    await until('the backlog', () => received.length >= expected.length);
    await until('live again', () => again.connection().state === 'live');
    expect(received.map(({ entry }) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(received.every(({ catchUp }) => catchUp)).toBe(true);
    expect(shown.map((request) => request.title)).toEqual([`While you were away: ${WATCHED} watched products changed`]);

    // Live again: the hub is killed mid-stream and comes back; the follower resumes by itself.
    const before = received.length;
    await deliver(
      Array.from({ length: 40 }, (_, i) => item(i % WATCHED, 50 - i)),
      20,
    );
    const all = (await hubFeed()).filter((entry) => entry.seq > resumeFrom);
    await until('the entries after the second kill', () => received.length >= all.length);
    expect(received.length - before).toBe(40);
    expect(received.map(({ entry }) => entry.id)).toEqual(all.map((entry) => entry.id));
    notifier.dispose();
    await again.close();
  }, 180_000);
});
