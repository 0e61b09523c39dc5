import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelAddress, DEFAULT_BASES, type ServiceBases } from '../../../main/engine/channels/address.js';
import { type ChannelSecret, deliver } from '../../../main/engine/channels/deliver/deliver.js';
import { newSigningSecret } from '../../../main/engine/channels/deliver/signature.js';
import { parseChannelUrl } from '../../../main/engine/channels/parse-url.js';
import { ensureCertificate } from '../../../main/engine/hub/certificate.js';
import { type FakeService, type FakeTarget, startFakeTarget } from '../../fakes/channel-target.js';
import { type FakeSmtp, headerOf, startFakeSmtp } from '../../fakes/smtp.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hubLinks, sampleMessage } from './sample-message.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fake(service: FakeService): Promise<FakeTarget> {
  const target = await startFakeTarget(service);
  closers.push(target.close);
  return target;
}

async function smtp(options: Parameters<typeof startFakeSmtp>[0]): Promise<FakeSmtp> {
  const server = await startFakeSmtp(options);
  closers.push(server.close);
  return server;
}

function addressOf(url: string): ChannelAddress {
  const parsed = parseChannelUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.address;
}

async function send(url: string, bases: ServiceBases, message = sampleMessage(1), extra: Partial<ChannelSecret> = {}) {
  const context = {
    bases,
    render: hubLinks,
    now: Date.now(),
    timeoutMs: 5_000,
    signal: new AbortController().signal,
    smtpTls: tls ? { ca: tls.cert } : undefined,
  };
  return deliver(addressOf(url), { url, ...extra }, message, context);
}

let tls: { cert: string; key: string } | undefined;
beforeAll(async () => {
  const folder = makeTempDir();
  const certificate = await ensureCertificate(folder.dir, { hostname: 'localhost' });
  tls = { cert: certificate.cert, key: certificate.key };
  folder.remove();
});

const SLACK = 'slack://T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKlMnOpQrSt';
const DISCORD = 'discord://112233445566778899/AbCdEfGhIjKlMnOpQrSt';
const TELEGRAM = 'tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-1001234567890';
const TEAMS = 'https://prod-27.westus.logic.azure.com:443/workflows/0a1b2c3d/triggers/manual/paths/invoke?sig=Zm9vYmFy';

describe('delivery to each service’s local fake', () => {
  it('Slack: Block Kit at <base>/services/A/B/C', async () => {
    const slack = await fake('slack');
    expect(await send(SLACK, { ...DEFAULT_BASES, slack: slack.origin })).toEqual({ ok: true });
    const [request] = slack.accepted;
    expect(request?.path).toBe('/services/T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKlMnOpQrSt');
    expect(request?.json.text).toBe('Acme Toaster 1: $39.99 → $34.99 (−12.5%)');
    expect(((request?.json.blocks ?? []) as { type: string }[]).map((block) => block.type)).toEqual([
      'header',
      'section',
    ]);
  });

  it('Discord: one embed, mentions off, at <base>/api/webhooks/<id>/<token>', async () => {
    const discord = await fake('discord');
    expect(await send(DISCORD, { ...DEFAULT_BASES, discord: discord.origin })).toEqual({ ok: true });
    const body = discord.accepted[0]?.json as { embeds: { title: string; url: string }[]; allowed_mentions: unknown };
    expect(body.embeds[0]).toMatchObject({
      title: 'Acme Toaster 1: $39.99 → $34.99 (−12.5%)',
      url: 'https://acme.example/p/1?irclickid=abc',
    });
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('Telegram: sendMessage in HTML mode to the chat', async () => {
    const telegram = await fake('telegram');
    expect(await send(TELEGRAM, { ...DEFAULT_BASES, telegram: telegram.origin })).toEqual({ ok: true });
    const [request] = telegram.accepted;
    expect(request?.path).toBe('/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage');
    expect(request?.json).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML' });
    expect(request?.json.text).toContain('<b><a href="https://acme.example/p/1?irclickid=abc">Acme Toaster 1</a></b>');
  });

  it('Teams: an Adaptive Card to the Workflows address, moved to SHELFWATCH_TEAMS_BASE', async () => {
    const teams = await fake('teams');
    expect(await send(TEAMS, { ...DEFAULT_BASES, teams: teams.origin })).toEqual({ ok: true });
    const [request] = teams.accepted;
    expect(request?.path).toBe('/workflows/0a1b2c3d/triggers/manual/paths/invoke?sig=Zm9vYmFy');
    expect(JSON.stringify(request?.json)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('ntfy: JSON to the server with the topic, title, tags and click, and the log-in', async () => {
    const ntfy = await fake('ntfy');
    const url = `ntfy://alice:s3cret@${ntfy.origin.slice('http://'.length)}/shop-alerts`;
    expect(await send(url, DEFAULT_BASES)).toEqual({ ok: true });
    const [request] = ntfy.accepted;
    expect(request?.json).toMatchObject({ topic: 'shop-alerts', tags: ['chart_with_downwards_trend'] });
    expect(request?.json.click).toContain('https://hub.example:8789/#/product/');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });

  it('a signed webhook: its signature verifies with standardwebhooks; the id stays, the timestamp is fresh', async () => {
    const hook = await fake('webhook');
    const signingSecret = newSigningSecret();
    const url = `json://${hook.origin.slice('http://'.length)}/hooks/shelfwatch`;
    const message = sampleMessage(3);
    expect(await send(url, DEFAULT_BASES, message, { signingSecret })).toEqual({ ok: true });
    expect(await send(url, DEFAULT_BASES, message, { signingSecret })).toEqual({ ok: true });
    const [first, again] = hook.accepted;
    const headers = (request: typeof first) => ({
      'webhook-id': String(request?.headers['webhook-id']),
      'webhook-timestamp': String(request?.headers['webhook-timestamp']),
      'webhook-signature': String(request?.headers['webhook-signature']),
    });
    const verified = new Webhook(signingSecret).verify(first?.body ?? '', headers(first)) as {
      type: string;
      data: { total: number; alerts: unknown[] };
    };
    expect(verified.type).toBe('alerts.raised');
    expect(verified.data.total).toBe(3);
    expect(() => new Webhook(newSigningSecret()).verify(first?.body ?? '', headers(first))).toThrow();
    // a repeat carries the same id, so the receiver can drop it
    expect(again?.headers['webhook-id']).toBe('msg_101_0_c1');
    expect(first?.headers['webhook-id']).toBe(again?.headers['webhook-id']);
  });

  it('e-mail: STARTTLS and a log-in, a plain-text and an HTML part, and a Message-ID that stays', async () => {
    const server = await smtp({ tls, login: { user: 'bot@shop.example', password: 'p@ss word' } });
    const url = `mailto://bot%40shop.example:p%40ss%20word@localhost:${server.port}?to=ed@shop.example,team@shop.example`;
    expect(await send(url, DEFAULT_BASES)).toEqual({ ok: true });
    const [mail] = server.mails;
    expect(mail).toMatchObject({
      from: 'bot@shop.example',
      to: ['ed@shop.example', 'team@shop.example'],
      secure: true,
    });
    expect(mail?.user).toBe('bot@shop.example');
    expect(headerOf(mail?.raw ?? '', 'Message-ID')).toBe('<msg_101_0_c1@shelfwatch>');
    expect(mail?.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail?.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail?.raw).toMatch(/Content-Type: text\/html/);
  });

  it('e-mail over implicit TLS (mailtos)', async () => {
    const server = await smtp({ tls, implicitTls: true });
    const url = `mailtos://localhost:${server.port}?to=ed@shop.example&from=alerts@shop.example`;
    expect(await send(url, DEFAULT_BASES)).toEqual({ ok: true });
    expect(server.mails[0]?.secure).toBe(true);
  });
});

describe('what a failed attempt says, and whether it is tried again', () => {
  it('429: waits as long as the service asks, in each service’s way of asking', async () => {
    const slack = await fake('slack');
    slack.answerNext({ status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' });
    expect(await send(SLACK, { ...DEFAULT_BASES, slack: slack.origin })).toEqual({
      ok: false,
      retry: true,
      retryAfterMs: 30_000,
      problem: 'Slack answered 429 (rate_limited): too many messages; waiting as it asked',
    });
    const discord = await fake('discord');
    discord.answerNext({
      status: 429,
      body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.5 }),
    });
    expect(await send(DISCORD, { ...DEFAULT_BASES, discord: discord.origin })).toMatchObject({ retryAfterMs: 1500 });
    const telegram = await fake('telegram');
    const tooMany = {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    };
    telegram.answerNext({ status: 429, body: JSON.stringify(tooMany) });
    expect(await send(TELEGRAM, { ...DEFAULT_BASES, telegram: telegram.origin })).toMatchObject({
      retry: true,
      retryAfterMs: 3000,
      problem: 'Telegram answered 429 (Too Many Requests: retry after 3): too many messages; waiting as it asked',
    });
  });

  it('a service down (503) or unreachable is tried again; a removed web hook is not', async () => {
    const slack = await fake('slack');
    slack.answerNext({ status: 503, body: '<html>Service Unavailable</html>' }, { status: 404, body: 'no_service' });
    const bases = { ...DEFAULT_BASES, slack: slack.origin };
    expect(await send(SLACK, bases)).toEqual({
      ok: false,
      retry: true,
      problem: 'Slack answered 503: the service is having trouble; trying again',
    });
    expect(await send(SLACK, bases)).toEqual({
      ok: false,
      retry: false,
      problem: 'Slack answered 404 (no_service): the address does not exist (removed, or mistyped)',
    });
    const gone = await fake('slack');
    await gone.close();
    expect(await send(SLACK, { ...DEFAULT_BASES, slack: gone.origin })).toEqual({
      ok: false,
      retry: true,
      problem: 'Could not reach Slack: the connection was refused (nothing listens there)',
    });
  });

  it('the words never carry a credential, even when the target echoes it back', async () => {
    const hook = await fake('webhook');
    const token = 'tok_9f8e7d6c5b4a3f2e1d';
    hook.answerNext({ status: 401, body: `bad token ${token} for /in/${token}` });
    const outcome = await send(`json://u:pw-${token}@${hook.origin.slice(7)}/in/${token}`, DEFAULT_BASES);
    expect(outcome).toMatchObject({ ok: false, retry: false });
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(JSON.stringify(outcome)).toContain('the credentials in the channel’s URL were refused');
  });

  it('SMTP: 4xx is tried again, 5xx and a refused log-in are not', async () => {
    const server = await smtp({ refuseNext: [451, 550] });
    const url = `mailto://localhost:${server.port}?to=ed@shop.example&from=alerts@shop.example`;
    expect(await send(url, DEFAULT_BASES)).toMatchObject({ ok: false, retry: true });
    expect(await send(url, DEFAULT_BASES)).toMatchObject({
      ok: false,
      retry: false,
      problem: expect.stringMatching(/^The mail server localhost answered 550 .*: it refused the message$/),
    });
    const guarded = await smtp({ tls, login: { user: 'bot', password: 'right' } });
    const wrong = `mailto://bot:wrong-password@localhost:${guarded.port}?to=ed@shop.example&from=alerts@shop.example`;
    const refused = await send(wrong, DEFAULT_BASES);
    expect(refused).toMatchObject({ ok: false, retry: false, problem: expect.stringMatching(/refused the log-in/) });
    expect(JSON.stringify(refused)).not.toContain('wrong-password');
  });
});
