// Issue 17's figure: alerts through the outbox to a local webhook. Every postback of the bench's catalog raises an
// alert (a watch with "price below 100,000" on the whole catalog), and one webhook channel gets each alert as its
// own message (digest 0: the most work a channel can cause).
// - latency: postbacks at a steady rate; for each, the time from its 200 to the webhook's receipt of its alert
// - throughput: a burst; alerts per second from its first request to the webhook's last receipt
// - the receiver's C/A with channels off and on: A, C (off), C (on: a channel with the default 60 s digest), C (on:
//   one message per alert), A, … in slices, against the same A; the channels enabled or disabled in between, and each
//   slice's backlog delivered before the next, so no slice pays for another's sends
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Channel } from '../../shared/contract/channel.js';
import type { ChildServer } from '../child-server.js';
import { type LoadFigures, runLoad } from '../measure/load.js';
import { getJson, percentile, sendJson } from '../measure/ui-api.js';
import { BENCH_CATALOG, postbackBody } from '../postback-body.js';
import { combine } from '../receiver-compare.js';
import { BENCH_SECRET } from '../servers/protocol.js';
import { waitForCheckpoint } from '../settle.js';
import type { WebhookReceiver } from './webhook-receiver.js';

export interface ChannelBenchOptions {
  /** latency run: postbacks per second and for how long */
  ratePerSecond: number;
  durationS: number;
  burst: number;
  /** receiver comparison: seconds per server and slices */
  compareS: number;
  rounds: number;
  connections: number;
}

export interface ChannelFigures {
  ratePerSecond: number;
  latencyAlerts: number;
  /** 200 → the webhook has the alert */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  burst: number;
  /** from the burst's first request to the webhook's last receipt */
  alertsPerSecond: number;
  /** alerts of the latency and burst runs the webhook never got (must be 0) */
  missing: number;
  /** alerts sent one message each in the receiver comparison, all delivered before the next slice */
  alertsOn: number;
  /** requests the webhook saw twice (by webhook-id) */
  repeats: number;
  /** every A slice, pooled: the one baseline of the three C runs */
  A: LoadFigures;
  off: { C: LoadFigures; cOverA: number };
  /** a channel with the default digest (60 s): what a team that adds a channel runs */
  on: { C: LoadFigures; cOverA: number };
  /** a channel that sends every alert as its own message (digest 0): the most a channel can cost */
  onEach: { C: LoadFigures; cOverA: number };
  /** C/A with the default channel on over C/A with none */
  onOverOff: number;
  onEachOverOff: number;
}

export async function measureChannels(
  a: ChildServer,
  c: { server: ChildServer; dataDir: string },
  webhook: WebhookReceiver,
  options: ChannelBenchOptions,
): Promise<ChannelFigures> {
  await sendJson(c.server.uiPort, 'POST', '/api/watches', {
    target: { catalogId: BENCH_CATALOG },
    rules: [{ kind: 'price-below', value: 100_000 }],
  });
  const channel = await sendJson<Channel>(c.server.uiPort, 'POST', '/api/channels', {
    name: 'Bench webhook',
    url: webhook.channelUrl,
    digestSeconds: 0,
  });
  const latency = await latencyRun(c.server, webhook, options);
  const burst = await burstRun(c.server, webhook, options);
  const gathering = await sendJson<Channel>(c.server.uiPort, 'POST', '/api/channels', {
    name: 'Bench digest',
    url: webhook.channelUrl,
    digestSeconds: 60,
  });
  const compare = await compareOnOff(a, c, { each: channel.id, gathering: gathering.id }, options);
  return {
    ratePerSecond: options.ratePerSecond,
    latencyAlerts: latency.alerts,
    latencyP50Ms: percentile(latency.delays, 50),
    latencyP99Ms: percentile(latency.delays, 99),
    latencyMaxMs: Math.max(...latency.delays),
    burst: burst.alerts,
    alertsPerSecond: burst.alertsPerSecond,
    missing: latency.missing + burst.missing,
    alertsOn: compare.alertsOn,
    repeats: webhook.repeats,
    ...compare.figures,
    onOverOff: compare.figures.on.cOverA / compare.figures.off.cOverA,
    onEachOverOff: compare.figures.onEach.cOverA / compare.figures.off.cOverA,
  };
}

function postOne(port: number, itemId: string, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = postbackBody({ itemId, n });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/postback/${BENCH_SECRET}`,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now()) : reject(new Error(`${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitForReceipts(webhook: WebhookReceiver, items: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!items.every((item) => webhook.receivedAt.has(item)) && performance.now() < deadline) await sleep(20);
}

async function latencyRun(c: ChildServer, webhook: WebhookReceiver, options: ChannelBenchOptions) {
  const count = Math.round(options.ratePerSecond * options.durationS);
  const acked = new Map<string, number>();
  const sends: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    const due = started + (n * 1000) / options.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const item = `lat-${n}`;
    sends.push(postOne(c.receiverPort, item, n).then((at) => void acked.set(item, at)));
  }
  await Promise.all(sends);
  await waitForReceipts(webhook, [...acked.keys()]);
  const delays = [...acked].flatMap(([item, at]) => {
    const received = webhook.receivedAt.get(item);
    return received === undefined ? [] : [received - at];
  });
  return { alerts: count, delays, missing: count - delays.length };
}

async function burstRun(c: ChildServer, webhook: WebhookReceiver, options: ChannelBenchOptions) {
  const started = performance.now();
  const load = await runLoad({
    port: c.receiverPort,
    prefix: 'chburst',
    connections: options.connections,
    amount: options.burst,
  });
  const items = Array.from({ length: load.acknowledged }, (_, i) => `chburst-${i + 1}`);
  await waitForReceipts(webhook, items);
  const received = items.flatMap((item) => webhook.receivedAt.get(item) ?? []);
  const last = Math.max(...received);
  return {
    alerts: load.acknowledged,
    alertsPerSecond: received.length / ((last - started) / 1000),
    missing: items.length - received.length,
  };
}

async function compareOnOff(
  a: ChildServer,
  { server: c, dataDir }: { server: ChildServer; dataDir: string },
  channels: { each: string; gathering: string },
  options: ChannelBenchOptions,
) {
  const slices = {
    A: [] as LoadFigures[],
    off: [] as LoadFigures[],
    on: [] as LoadFigures[],
    onEach: [] as LoadFigures[],
  };
  const run = (server: ChildServer, label: string) =>
    runLoad({
      port: server.receiverPort,
      prefix: `ch-${label}`,
      connections: options.connections,
      durationS: options.compareS / options.rounds,
    });
  const enable = async (on: { each: boolean; gathering: boolean }) => {
    await sendJson(c.uiPort, 'PATCH', `/api/channels/${channels.each}`, { enabled: on.each });
    await sendJson(c.uiPort, 'PATCH', `/api/channels/${channels.gathering}`, { enabled: on.gathering });
  };
  /** C's slice applied and checkpointed, its channel backlog delivered: the next slice pays for none of it */
  const settle = async () => {
    await waitForCheckpoint(dataDir, Date.now(), 20_000);
    await drained(c);
  };
  const runC = async (label: keyof typeof slices, on: { each: boolean; gathering: boolean }, round: number) => {
    await enable(on);
    const figures = await run(c, `${label}${round}`);
    slices[label].push(figures);
    await settle();
    return figures.acknowledged;
  };
  let alertsOn = 0;
  for (let round = 0; round < options.rounds; round++) {
    slices.A.push(await run(a, `A${round}`));
    await runC('off', { each: false, gathering: false }, round);
    await runC('on', { each: false, gathering: true }, round);
    alertsOn += await runC('onEach', { each: true, gathering: false }, round);
  }
  const A = combine(slices.A);
  const against = (cSlices: LoadFigures[]) => {
    const C = combine(cSlices);
    return { C, cOverA: C.reqPerSec / A.reqPerSec };
  };
  return {
    figures: { A, off: against(slices.off), on: against(slices.on), onEach: against(slices.onEach) },
    alertsOn,
  };
}

async function drained(c: ChildServer, timeoutMs = 300_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { body } = await getJson<{ items: Channel[] }>(c.uiPort, '/api/channels');
    if (body.items.every((channel) => channel.status.pending === 0) || performance.now() > deadline) return;
    await sleep(200);
  }
}
