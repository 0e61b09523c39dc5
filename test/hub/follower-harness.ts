// Shared set-up for the follower tests: certificates, a fake hub, a paired device and a follower on a manual clock.

import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HubCertificate } from '../../main/engine/hub/certificate.js';
import { ensureCertificate } from '../../main/engine/hub/certificate.js';
import { newPairingCode, pairingLink } from '../../main/engine/hub/pairing.js';
import {
  type ConnectionState,
  createHubFollower,
  type FollowerEvent,
  type HubFollower,
  type HubPairing,
  pairWithHub,
} from '../../main/follower/index.js';
import { type ManualClock, manualClock } from '../fakes/manual-clock.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FakeHub } from './fake-hub.js';

/**
 * For a test file: the hub's certificates (and another's), made once; fake hubs started with `startHub`, and
 * whatever else is put in `cleanups`, closed after each test.
 */
export interface FakeHubs {
  certs: Certificates;
  cleanups: (() => Promise<void>)[];
  startHub(tlsPair?: HubCertificate | null, port?: number): Promise<FakeHub>;
}

export function fakeHubsForEachTest(): FakeHubs {
  const hubs: FakeHubs = {
    certs: null as unknown as Certificates,
    cleanups: [] as (() => Promise<void>)[],
    async startHub(tlsPair: HubCertificate | null = hubs.certs.hub, port = 0): Promise<FakeHub> {
      const hub = await FakeHub.start(tlsPair, port);
      hubs.cleanups.push(() => hub.close());
      return hub;
    },
  };
  beforeAll(async () => {
    hubs.certs = await makeCertificates();
  });
  afterAll(() => hubs.certs.remove());
  afterEach(async () => {
    for (const cleanup of hubs.cleanups.splice(0).reverse()) await cleanup();
  });
  return hubs;
}

type Certificates = Awaited<ReturnType<typeof makeCertificates>>;

export async function makeCertificates(): Promise<{ hub: HubCertificate; other: HubCertificate; remove(): void }> {
  const a = makeTempDir('shelfwatch-hub-a-');
  const b = makeTempDir('shelfwatch-hub-b-');
  const [hub, other] = await Promise.all([ensureCertificate(a.dir), ensureCertificate(b.dir)]);
  return {
    hub,
    other,
    remove: () => {
      a.remove();
      b.remove();
    },
  };
}

export async function pairDevice(hub: FakeHub, fingerprint: string | null): Promise<HubPairing> {
  const code = newPairingCode();
  hub.codes.add(code);
  return pairWithHub(pairingLink({ hubUrl: hub.url, code, fingerprint }), 'Test laptop');
}

export interface Delivered {
  type: FollowerEvent['type'];
  /** the seq of each entry (feed and alert), or the unread count (status) */
  detail: number[];
  catchUp: boolean;
}

export interface FollowerUnderTest {
  follower: HubFollower;
  clock: ManualClock;
  store: ReturnType<typeof memoryStore>;
  delivered: Delivered[];
  states: ConnectionState[];
  random: { value: number };
  logs: string[];
}

/** An in-memory Last-Event-ID store. */
export function memoryStore(initial: string | null = null) {
  let id = initial;
  return {
    load: () => id,
    save: (next: string) => {
      id = next;
    },
    clear: () => {
      id = null;
    },
    get current() {
      return id;
    },
  };
}

export function follow(pairing: HubPairing, storedId: string | null = null): FollowerUnderTest {
  const clock = manualClock(Date.parse('2026-03-01T10:32:00Z'));
  const store = memoryStore(storedId);
  const random = { value: 0.5 };
  const logs: string[] = [];
  const follower = createHubFollower({
    ...pairing,
    lastEventId: store,
    clock,
    random: () => random.value,
    log: (message) => logs.push(message),
  });
  const delivered: Delivered[] = [];
  const states: ConnectionState[] = [];
  follower.onConnection((state) => states.push(state));
  follower.subscribe((event, meta) => {
    const detail =
      event.type === 'feed' || event.type === 'alert'
        ? event.entries.map((entry) => entry.seq)
        : event.type === 'status'
          ? [event.status.unread]
          : [];
    delivered.push({ type: event.type, detail, catchUp: meta.catchUp });
  });
  return { follower, clock, store, delivered, states, random, logs };
}
