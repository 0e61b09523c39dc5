// Issue 11's fan-out figure: N followers (the desktop's follower code, over TLS) on one hub while postbacks arrive
// at a steady rate. For each postback: the time from its 200 until every follower has its feed entry; the p99 of
// that over the run (target ≤ 1 s at 500 postbacks/s with 100 followers), and the hub's memory per follower.
import http from 'node:http';
import { createHubFollower, type HubFollower, pairWithHub } from '../../main/follower/index.js';
import { HUB_SECRET, type HubProcess } from './hub-process.js';

export interface FanoutOptions {
  followers: number;
  ratePerSecond: number;
  durationS: number;
}

export interface FanoutFigures extends FanoutOptions {
  postbacks: number;
  /** postbacks some follower never received within the settle time */
  missing: number;
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  /** (hub RSS with the followers connected and idle − before they connected) / followers */
  hubRssPerFollowerKb: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export async function measureFanout(hub: HubProcess, options: FanoutOptions): Promise<FanoutFigures> {
  const arrivals = new Map<string, number[]>(); // item → arrival time per follower index
  const followers: HubFollower[] = [];
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssBefore = hub.rssBytes();
  for (let i = 0; i < options.followers; i++) {
    const added = await hub.addDevice(`bench-${i}`);
    const pairing = await pairWithHub(added.pairingLink, `bench-${i}`);
    let last: string | null = null;
    const follower = createHubFollower({
      ...pairing,
      lastEventId: { load: () => last, save: (id) => (last = id), clear: () => (last = null) },
    });
    follower.subscribe((event) => {
      if (event.type !== 'feed') return;
      const now = performance.now();
      for (const entry of event.entries) {
        const times = arrivals.get(entry.product.catalogItemId) ?? [];
        times[i] = now;
        arrivals.set(entry.product.catalogItemId, times);
      }
    });
    followers.push(follower);
  }
  await waitFor(() => followers.every((follower) => follower.connection().state === 'live'), 60_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssWith = hub.rssBytes();

  const acks = await sendSteadily(hub.receiverPort, options.ratePerSecond, options.durationS);
  await waitFor(() => [...acks.keys()].every((item) => countArrived(arrivals, item) === followers.length), 30_000);

  const delays: number[] = [];
  let missing = 0;
  for (const [item, ackedAt] of acks) {
    const times = arrivals.get(item) ?? [];
    if (countArrived(arrivals, item) < followers.length) missing++;
    else delays.push(Math.max(...times) - ackedAt);
  }
  for (const follower of followers) await follower.close();
  delays.sort((a, b) => a - b);
  const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? Number.NaN;
  return {
    ...options,
    postbacks: acks.size,
    missing,
    delayP50Ms: at(0.5),
    delayP99Ms: at(0.99),
    delayMaxMs: delays.at(-1) ?? Number.NaN,
    hubRssPerFollowerKb: Math.max(0, rssWith - rssBefore) / 1024 / options.followers,
  };
}

function countArrived(arrivals: Map<string, number[]>, item: string): number {
  return (arrivals.get(item) ?? []).filter((time) => time !== undefined).length;
}

/** Sends `rate` postbacks a second (in 10 ms ticks), unique items; returns each item's acknowledgement time. */
async function sendSteadily(port: number, rate: number, seconds: number): Promise<Map<string, number>> {
  const acks = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const total = rate * seconds;
  const started = performance.now();
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const item = `fan-${sent}`;
      pending.push(post(port, item).then((status) => void (status === 200 && acks.set(item, performance.now()))));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(pending);
  return acks;
}

function post(port: number, item: string): Promise<number> {
  return new Promise((resolve) => {
    const body = JSON.stringify({
      CatalogId: '555',
      CatalogItemId: item,
      CurrentPrice: '10.00',
      StockAvailability: 'InStock',
    });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/postback/${HUB_SECRET}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}
