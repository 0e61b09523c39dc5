// Issue 17 over the server face's HTTP UI API, as a user (or a test outside this repository) drives it: a channel of
// every kind added by pasting its URL, an alert delivered to each service's local fake formatted for it, the
// webhook's signature checked with standardwebhooks, Test, enable/disable, delete — and no credential anywhere but
// the secret store: not in an answer, the journal, store.db, documents.json, or the log.
import fs from 'node:fs';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServeOptions } from '../../main/server/options.js';
import { type RunningServer, startServer } from '../../main/server/start.js';
import type { Channel, CreatedChannel } from '../../shared/contract/channel.js';
import { headerOf } from '../fakes/smtp.js';
import { postJson, request, type SimpleResponse } from '../helpers/http.js';
import { RENDERER_DIR, TEST_SECRET, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';
import { captureLog } from '../reliability/helpers/capture-log.js';
import { type ChannelServices, CREDENTIALS, startChannelServices } from './channel-services.js';

const temp = makeTempDir('shelfwatch-channels-');
const log = captureLog();
let services: ChannelServices;
let server: RunningServer;
const created: Record<string, CreatedChannel> = {};

async function start(): Promise<void> {
  const argv = ['--data-dir', temp.dir, '--receiver-port', '0', '--ui-port', '0'];
  const options = readServeOptions([...argv, '--secret', TEST_SECRET, '--ui-token', TEST_TOKEN], services.env);
  const channels = { ...options.channels, smtpTls: { ca: services.smtpCa } };
  server = await startServer({ ...options, channels }, RENDERER_DIR, log);
}

function call(method: string, pathname: string, body?: unknown): Promise<SimpleResponse> {
  return request(`http://127.0.0.1:${server.uiPort}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json<T>(method: string, pathname: string, body?: unknown): Promise<T> {
  const response = await call(method, pathname, body);
  if (response.status >= 300) throw new Error(`${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

const postback = (fields: Record<string, string>) =>
  postJson(`http://127.0.0.1:${server.receiverPort}/postback/${TEST_SECRET}`, fields);

const listChannels = async () => (await json<{ items: Channel[] }>('GET', '/api/channels')).items;

/** A price change of the watched toaster; resolves once every channel that wanted it has it (nothing pending). */
async function priceChange(price: string): Promise<void> {
  const webhookHad = services.targets.webhook.accepted.length;
  await postback({
    CatalogId: '77',
    CatalogItemId: 'TB-1',
    Name: 'Acme Toaster',
    CurrentPrice: price,
    Currency: 'USD',
  });
  // the webhook channel takes every alert and is never paced: once it has this one, the alert is applied
  await until('the webhook has the alert', () => services.targets.webhook.accepted.length > webhookHad);
  await until('nothing waits to be sent', async () => (await listChannels()).every((c) => c.status.pending === 0));
}

beforeAll(async () => {
  services = await startChannelServices();
  await start();
  await json('POST', '/api/watches', { target: { catalogId: '77' }, rules: [{ kind: 'price-change' }] });
});

afterAll(async () => {
  await server?.close();
  await services?.close();
  temp.remove();
});

describe('alert channels over the UI API', () => {
  it('adds a channel of each kind from the URL a user pastes: 201, the masked target, the webhook’s secret once', async () => {
    for (const [kind, url] of Object.entries(services.urls)) {
      const response = await call('POST', '/api/channels', { name: `Team ${kind}`, url, digestSeconds: 0 });
      expect(response.status, response.body).toBe(201);
      const channel = JSON.parse(response.body) as CreatedChannel;
      created[kind] = channel;
      expect(channel).toMatchObject({
        name: `Team ${kind}`,
        kind,
        filter: {},
        digestSeconds: 0,
        enabled: true,
        status: { pending: 0, failed: 0, lastSentAt: null, lastError: null, lastErrorAt: null },
      });
      expect(channel.signingSecret !== undefined).toBe(kind === 'webhook');
    }
    expect(created.webhook?.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.slack?.target).toBe('slack://••••/••••/••••');
    expect(created.email?.target).toBe(
      `mailto://alerts@shop.example:••••@localhost:${services.smtp.port}?to=editor@shop.example&from=alerts@shop.example`,
    );
    const defaulted = await json<Channel>('POST', '/api/channels', { name: 'Defaults', url: services.urls.webhook });
    expect(defaulted.digestSeconds).toBe(60);
    expect((await call('DELETE', `/api/channels/${defaulted.id}`)).status).toBe(200);
  });

  it('refuses a URL that fits no channel with 400 saying what is wrong, and keeps nothing of it', async () => {
    const response = await call('POST', '/api/channels', { name: 'Nope', url: 'https://example.com/hook?key=abc' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toBe(
      'This channel URL cannot be used: example.com is not a Slack, Discord or Teams web-hook address; for your own endpoint use json://example.com/… (or jsons:// for https).',
    );
    expect(await listChannels()).toHaveLength(7);
  });

  it('delivers an alert to every channel, formatted for its service; the webhook’s signature verifies', async () => {
    await postback({
      CatalogId: '77',
      CatalogItemId: 'TB-1',
      Name: 'Acme Toaster',
      CurrentPrice: '39.99',
      Currency: 'USD',
    });
    await postback({
      CatalogId: '77',
      CatalogItemId: 'TB-1',
      Name: 'Acme Toaster',
      CurrentPrice: '34.99',
      Currency: 'USD',
    });
    const { targets, smtp } = services;
    const everywhere = () =>
      Object.values(targets).every((target) => target.accepted.length === 1) && smtp.mails.length === 1;
    await until('every channel has its message', everywhere);
    const headline = 'Acme Toaster: $39.99 → $34.99 (−12.5%)';
    expect(targets.slack.accepted[0]?.json.text).toBe(headline);
    expect(JSON.stringify(targets.discord.accepted[0]?.json.embeds)).toContain(headline);
    expect(targets.telegram.accepted[0]?.json).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML' });
    expect(JSON.stringify(targets.teams.accepted[0]?.json)).toContain('AdaptiveCard');
    expect(targets.ntfy.accepted[0]?.json).toMatchObject({ topic: 'shop-alerts', title: headline });
    expect(smtp.mails[0]).toMatchObject({ to: ['editor@shop.example'], secure: true, user: 'alerts@shop.example' });
    expect(headerOf(smtp.mails[0]?.raw ?? '', 'Message-ID')).toMatch(/^<msg_\d+_0_[0-9a-f-]+@shelfwatch>$/);

    const hook = targets.webhook.accepted[0];
    const headers = {
      'webhook-id': String(hook?.headers['webhook-id']),
      'webhook-timestamp': String(hook?.headers['webhook-timestamp']),
      'webhook-signature': String(hook?.headers['webhook-signature']),
    };
    const payload = new Webhook(created.webhook?.signingSecret ?? '').verify(hook?.body ?? '', headers) as {
      type: string;
      data: { total: number; alerts: { name: string; rule: string; url?: string }[] };
    };
    expect(payload).toMatchObject({
      type: 'alerts.raised',
      data: { total: 1, alerts: [{ name: 'Acme Toaster', rule: 'price-change' }] },
    });

    await until('the status says sent', async () =>
      (await listChannels()).every((channel) => channel.status.lastSentAt !== null && channel.status.pending === 0),
    );
  });

  it('Test: 200 once the target took the message; 502 with the target’s answer in plain words', async () => {
    const slack = created.slack?.id ?? '';
    const ok = await call('POST', `/api/channels/${slack}/test`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ delivered: true, channel: { id: slack } });
    expect(services.targets.slack.accepted.at(-1)?.json.text).toBe('Shelfwatch test message');

    services.targets.slack.answerNext({ status: 404, body: 'no_service' });
    const refused = await call('POST', `/api/channels/${slack}/test`);
    expect(refused.status).toBe(502);
    expect(JSON.parse(refused.body).error).toBe(
      'The test message was not delivered. Slack answered 404 (no_service): the address does not exist (removed, or mistyped).',
    );
    const [shown] = (await listChannels()).filter((channel) => channel.id === slack);
    expect(shown?.status.lastError).toBe(
      'Slack answered 404 (no_service): the address does not exist (removed, or mistyped)',
    );
    expect((await call('POST', '/api/channels/no-such-channel/test')).status).toBe(404);
  });

  it('a disabled channel is sent nothing; renamed, refiltered and enabled again it is', async () => {
    const discord = created.discord?.id ?? '';
    await json('PATCH', `/api/channels/${discord}`, { enabled: false });
    await priceChange('29.99');
    expect(services.targets.discord.received).toHaveLength(1);
    const patched = await json<Channel>('PATCH', `/api/channels/${discord}`, {
      name: 'Deals',
      enabled: true,
      filter: { kinds: ['price-change'] },
      digestSeconds: 0,
    });
    expect(patched).toMatchObject({ name: 'Deals', enabled: true, filter: { kinds: ['price-change'] } });
    await priceChange('24.99');
    expect(services.targets.discord.accepted).toHaveLength(2);
  });

  it('survives a restart: the channels, their addresses and their status', async () => {
    const before = await listChannels();
    await server.close();
    await start();
    expect(await listChannels()).toEqual(before);
    const ok = await call('POST', `/api/channels/${created.webhook?.id}/test`);
    expect(ok.status).toBe(200);
  });

  it('deletes a channel: gone from the list, sent nothing more', async () => {
    const ntfy = created.ntfy?.id ?? '';
    expect(await json('DELETE', `/api/channels/${ntfy}`)).toEqual({ deleted: true });
    expect(await json('DELETE', `/api/channels/${ntfy}`)).toEqual({ deleted: false });
    expect((await listChannels()).map((channel) => channel.id)).not.toContain(ntfy);
    const sent = services.targets.ntfy.received.length;
    const slackHad = services.targets.slack.accepted.length;
    await priceChange('19.99');
    expect(services.targets.slack.accepted).toHaveLength(slackHad + 1);
    expect(services.targets.ntfy.received).toHaveLength(sent);
  });

  it('keeps every credential out of the answers, the data folder and the log', async () => {
    // a target that echoes its credential back in an error must not get it stored either
    services.targets.webhook.answerNext({ status: 401, body: `bad token ${CREDENTIALS.webhookPath}` });
    expect((await call('POST', `/api/channels/${created.webhook?.id}/test`)).status).toBe(502);
    const answers = JSON.stringify(await listChannels());
    await server.close(); // written out: the journal, the database's log folded in, the documents
    const secrets = [
      ...Object.values(CREDENTIALS),
      created.webhook?.signingSecret ?? 'missing',
      ...Object.values(services.urls),
    ];
    const files = fs.readdirSync(temp.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['store.db', 'channel-secrets.enc']));
    for (const secret of secrets) {
      expect(answers).not.toContain(secret);
      expect(log.lines.join('\n')).not.toContain(secret);
      for (const file of files) {
        const bytes = fs.readFileSync(path.join(file.parentPath, file.name));
        expect(bytes.includes(secret), `${file.name} holds ${secret.slice(0, 8)}…`).toBe(false);
      }
    }
    const mode = fs.statSync(path.join(temp.dir, 'channel-secrets.enc')).mode & 0o777;
    if (process.platform !== 'win32') expect(mode).toBe(0o600);
    await start();
  });
});
