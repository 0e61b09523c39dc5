// A desktop that follows a hub never sends to the alert channels: the engine that received the postback does.
// The hub (in process, real TLS) has a webhook channel; a desktop set to follow it (openDesktopBackend with the
// real follower, as the app starts) sees every alert live, opens no engine of its own, and the webhook receives
// each alert exactly once.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopBackend } from '../../main/desktop/backend.js';
import { saveChoice } from '../../main/desktop/hub/connection-choice.js';
import { deviceTokenFile } from '../../main/desktop/hub/hub-files.js';
import { openDesktopBackend } from '../../main/desktop/open-backend.js';
import { openEngine } from '../../main/engine/index.js';
import type { Engine, EngineOptions } from '../../main/engine/types.js';
import { createHubFollower, pairWithHub } from '../../main/follower/index.js';
import { type RemoteListening, startRemoteListener } from '../../main/server/remote-listener.js';
import { FakeSafeStorage } from '../desktop/fake-safe-storage.js';
import { type FakeTarget, startFakeTarget } from '../fakes/channel-target.js';
import { postJson } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';

const SECRET = 'follow-secret-0123456789abcdef';
const quiet = { info() {}, warn() {}, error() {} };
const ALERTS = 5;

describe('a desktop following a hub', () => {
  const hubDir = makeTempDir('shelfwatch-hub-channels-');
  const desktopDir = makeTempDir('shelfwatch-desktop-channels-');
  let hub: Engine;
  let remote: RemoteListening;
  let webhook: FakeTarget;
  let desktop: DesktopBackend;
  let receiverPort: number;
  const enginesTheDesktopOpened: EngineOptions[] = [];

  beforeAll(async () => {
    webhook = await startFakeTarget('webhook');
    hub = await openEngine({ dataDir: hubDir.dir, secret: SECRET, receiverPort: 0 });
    receiverPort = (await hub.startReceiver()).port;
    remote = await startRemoteListener(
      hub,
      { port: 0, host: '127.0.0.1', plain: false },
      hubDir.dir,
      path.join(hubDir.dir, 'no-ui'),
      quiet,
    );
    const url = `json://${webhook.origin.slice('http://'.length)}/hook`;
    await hub.api.createChannel({ name: 'Team', url, digestSeconds: 0 });
    await hub.api.createWatch({ target: { catalogId: '77' }, rules: [{ kind: 'price-change' }] });

    const added = await hub.api.addDevice({ name: 'Laptop' });
    const paired = await pairWithHub(added.pairingLink, 'Laptop');
    const safeStorage = new FakeSafeStorage();
    saveChoice(desktopDir.dir, {
      mode: 'hub',
      hubUrl: paired.hubUrl,
      fingerprint: paired.fingerprint,
      deviceId: paired.deviceId,
      deviceName: 'Laptop',
    });
    deviceTokenFile(desktopDir.dir, safeStorage, 'darwin').save(paired.token);
    desktop = await openDesktopBackend(
      { dataDir: desktopDir.dir, log: quiet },
      {
        platform: 'darwin',
        safeStorage,
        openEngine: async (options) => {
          enginesTheDesktopOpened.push(options);
          return openEngine(options);
        },
        createFollower: createHubFollower,
      },
    );
  });

  afterAll(async () => {
    await desktop?.close();
    await remote?.listening.close();
    await hub?.close();
    await webhook?.close();
    hubDir.remove();
    desktopDir.remove();
  });

  it('sees every alert, while only the hub sends them: once each', async () => {
    const seen: string[] = [];
    desktop.subscribe((event) => {
      if (event.type === 'alert') seen.push(...event.entries.map((entry) => entry.id));
    });
    await desktop.start();
    await until('the desktop is connected', () => desktop.connection()?.state === 'live');
    const postback = (price: number) =>
      postJson(`http://127.0.0.1:${receiverPort}/postback/${SECRET}`, {
        CatalogId: '77',
        CatalogItemId: 'L-1',
        Name: 'Lamp',
        CurrentPrice: price.toFixed(2),
      });
    for (let i = 0; i <= ALERTS; i++) expect((await postback(20 + i)).status).toBe(200);
    await until('the desktop saw every alert', () => seen.length === ALERTS);
    await until('the webhook has every alert', () => webhook.accepted.length === ALERTS);
    await until('nothing waits', async () => (await hub.api.listChannels(undefined)).items[0]?.status.pending === 0);
    const ids = webhook.accepted.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ALERTS);
    expect(webhook.received).toHaveLength(ALERTS);
    expect(enginesTheDesktopOpened).toEqual([]);
  });
});
