// Issue 17's outage: a webhook target answers 503 for a while; meanwhile alerts keep coming, Shelfwatch (the server
// face in a child process) is killed with kill -9 mid-burst and restarted; then the target comes back. Every alert
// raised is delivered at least once, and the webhook-ids let the receiver drop the repeats.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { CreatedChannel } from '../../shared/contract/channel.js';
import type { FeedPage } from '../../shared/contract/feed.js';
import { startFakeTarget } from '../fakes/channel-target.js';
import { postJson, request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';

const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));
const SECRET = 'outage-secret-0123456789abcdef';
const TOKEN = 'outage-token-0123456789abcdef';
const ITEMS = 10;

interface Running {
  child: ChildProcess;
  receiverPort: number;
  uiPort: number;
}

function start(dataDir: string): Promise<Running> {
  const args = ['--import', 'tsx', CHILD, '--data-dir', dataDir, '--receiver-port', '0', '--ui-port', '0'];
  const child = spawn(process.execPath, [...args, '--secret', SECRET, '--ui-token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as { receiverPort: number; uiPort: number }) });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`the server exited before it was ready: ${output}`)));
  });
}

async function killHard(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGKILL');
  await exited;
}

async function ui<T>(running: Running, method: string, pathname: string, body?: unknown): Promise<T> {
  const response = await request(`http://127.0.0.1:${running.uiPort}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

/** Every item changes price once; each answered 200 (impact.com retries until it is). */
async function round(running: Running, price: number): Promise<void> {
  for (let item = 0; item < ITEMS; item++) {
    const body = { CatalogId: '77', CatalogItemId: `O-${item}`, Name: `Lamp ${item}`, CurrentPrice: price.toFixed(2) };
    const answer = await postJson(`http://127.0.0.1:${running.receiverPort}/postback/${SECRET}`, body);
    expect(answer.status).toBe(200);
  }
}

describe('a webhook target down for a while, and Shelfwatch killed meanwhile', () => {
  const temp = makeTempDir('shelfwatch-outage-');
  let running: Running | null = null;
  afterAll(async () => {
    if (running) await killHard(running);
    temp.remove();
  });

  it('delivers every alert at least once after the target comes back; ids tell the repeats', async () => {
    const target = await startFakeTarget('webhook');
    try {
      target.answerAlways({ status: 503, body: 'Service Unavailable' });
      running = await start(temp.dir);
      const url = `json://${target.origin.slice('http://'.length)}/hooks/shelfwatch`;
      const channel = await ui<CreatedChannel>(running, 'POST', '/api/channels', {
        name: 'Ops',
        url,
        digestSeconds: 0,
      });
      await ui(running, 'POST', '/api/watches', { target: { catalogId: '77' }, rules: [{ kind: 'price-change' }] });
      await round(running, 10); // first seen: no alert
      await round(running, 11);
      await until('the sender tried the target', () => target.received.length > 0);
      await round(running, 12);
      await killHard(running); // mid-burst: some of round 12 may be acknowledged but not yet applied
      running = await start(temp.dir);
      await round(running, 13);
      const triedBefore = target.received.length;
      await until('the restarted sender tried again', () => target.received.length > triedBefore);
      const stillDown = target.accepted.length;
      target.answerAlways(null); // the target is back

      const feed = await ui<FeedPage>(running, 'GET', '/api/feed?filter=alerts&limit=200');
      const expected = feed.items.flatMap((entry) =>
        entry.alerts.map((_, index) => `msg_${entry.id}_${index}_${channel.id}`),
      );
      expect(expected).toHaveLength(3 * ITEMS);
      const delivered = () => new Set(target.accepted.map((hook) => String(hook.headers['webhook-id'])));
      await until('every alert is delivered', () => expected.every((id) => delivered().has(id)), 90_000);
      expect(stillDown).toBe(0);
      expect([...delivered()].sort()).toEqual([...expected].sort());
      const signer = new Webhook(channel.signingSecret ?? '');
      for (const hook of target.accepted) {
        const headers = {
          'webhook-id': String(hook.headers['webhook-id']),
          'webhook-timestamp': String(hook.headers['webhook-timestamp']),
          'webhook-signature': String(hook.headers['webhook-signature']),
        };
        expect(() => signer.verify(hook.body, headers)).not.toThrow();
      }
      const repeats = target.accepted.length - delivered().size;
      console.info(
        `outage: ${expected.length} alerts, ${target.received.length} attempts, ${target.accepted.length} accepted, ${repeats} repeats`,
      );
      const [status] = (
        await ui<{ items: { status: { pending: number; lastError: string } }[] }>(running, 'GET', '/api/channels')
      ).items;
      expect(status?.status.pending).toBe(0);
      expect(status?.status.lastError).toMatch(/^The webhook at 127\.0\.0\.1:\d+ answered 503 \(Service Unavailable\)/);
    } finally {
      await target.close();
    }
  }, 180_000);
});
