import { describe, expect, it } from 'vitest';
import { basesFromEnv, type ChannelAddress, DEFAULT_BASES, endpointOf } from '../../../main/engine/channels/address.js';
import { credentialsOf, maskedTarget, redact } from '../../../main/engine/channels/mask.js';
import { parseChannelUrl } from '../../../main/engine/channels/parse-url.js';

function address(url: string): ChannelAddress {
  const parsed = parseChannelUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.address;
}

function problem(url: string): string {
  const parsed = parseChannelUrl(url);
  if (parsed.ok) throw new Error(`accepted ${url}`);
  return parsed.problem;
}

const SLACK_C = 'x0YzAbCdEfGhIjKlMnOpQrSt';
const DISCORD_TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnop';
const BOT = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const TEAMS =
  'https://prod-27.westus.logic.azure.com:443/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zm9vYmFyYmF6cXV4cXV1eA';

describe('channel URLs: the Apprise notation and the services’ own addresses', () => {
  it('reads Slack in both forms to the same web hook', () => {
    const apprise = address(`slack://T0123ABCD/B0456EFGH/${SLACK_C}`);
    const own = address(`https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SLACK_C}`);
    expect(apprise).toEqual({ kind: 'slack', tokens: ['T0123ABCD', 'B0456EFGH', SLACK_C] });
    expect(own).toEqual(apprise);
    expect(endpointOf(apprise as never, DEFAULT_BASES)).toBe(
      `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SLACK_C}`,
    );
    // Apprise's bot name and #channel are accepted and ignored (an incoming web hook posts where it was made for)
    expect(address(`slack://bot@T0123ABCD/B0456EFGH/${SLACK_C}/#general`)).toEqual(apprise);
  });

  it('reads Discord in both forms, and Telegram', () => {
    const apprise = address(`discord://112233445566778899/${DISCORD_TOKEN}`);
    expect(address(`https://discord.com/api/webhooks/112233445566778899/${DISCORD_TOKEN}`)).toEqual(apprise);
    expect(endpointOf(apprise as never, { ...DEFAULT_BASES, discord: 'http://127.0.0.1:9' })).toBe(
      `http://127.0.0.1:9/api/webhooks/112233445566778899/${DISCORD_TOKEN}`,
    );
    const telegram = address(`tgram://${BOT}/-1001234567890`);
    expect(telegram).toEqual({ kind: 'telegram', botToken: BOT, chatId: '-1001234567890' });
    expect(endpointOf(telegram as never, DEFAULT_BASES)).toBe(`https://api.telegram.org/bot${BOT}/sendMessage`);
  });

  it('reads a Teams Workflows address, and moves it to SHELFWATCH_TEAMS_BASE keeping its path and query', () => {
    const teams = address(TEAMS);
    expect(teams.kind).toBe('teams');
    const bases = basesFromEnv({ SHELFWATCH_TEAMS_BASE: 'http://127.0.0.1:4000/' });
    expect(endpointOf(teams as never, bases)).toBe(
      `http://127.0.0.1:4000/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?${new URL(TEAMS).search.slice(1)}`,
    );
    expect(address('workflows://prod-27.westus.logic.azure.com:443/abc123/Zm9vYmFy').kind).toBe('teams');
    // a trigger on another host (a tenant's own domain, a relay) is known by its signed workflows path
    expect(address('https://flows.example.com/workflows/abc/triggers/manual/paths/invoke?sig=Zm9v').kind).toBe('teams');
  });

  it('reads ntfy with and without a login, over http and https, and the public server’s short form', () => {
    expect(address('ntfy://alice:s3cret-pass@ntfy.example.com:8080/shop-alerts')).toEqual({
      kind: 'ntfy',
      server: 'http://ntfy.example.com:8080',
      topic: 'shop-alerts',
      auth: { user: 'alice', password: 's3cret-pass' },
    });
    expect(address('ntfys://tk_AbCdEf0123456789@ntfy.example.com/shop')).toMatchObject({
      server: 'https://ntfy.example.com',
      auth: { token: 'tk_AbCdEf0123456789' },
    });
    expect(address('ntfy://shop-alerts-7f3a')).toMatchObject({ server: 'https://ntfy.sh', topic: 'shop-alerts-7f3a' });
  });

  it('reads e-mail: STARTTLS on 587 by default, implicit TLS on 465, several recipients, from= or the login', () => {
    expect(address('mailto://bot%40shop.example:p%40ss@smtp.example.com?to=a@b.example,c@d.example')).toEqual({
      kind: 'email',
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      auth: { user: 'bot@shop.example', password: 'p@ss' },
      from: 'bot@shop.example',
      to: ['a@b.example', 'c@d.example'],
    });
    expect(address('mailtos://smtp.example.com?to=a@b.example&from=c@d.example')).toMatchObject({
      port: 465,
      secure: true,
    });
    expect(address('mailto://127.0.0.1:2525?to=a@b.example&from=c@d.example')).toMatchObject({ port: 2525 });
  });

  it('reads a signed webhook over http (json://) or https (jsons://), with an optional basic login', () => {
    expect(address('json://127.0.0.1:9000/hooks/shelfwatch?team=7')).toEqual({
      kind: 'webhook',
      url: 'http://127.0.0.1:9000/hooks/shelfwatch?team=7',
    });
    expect(address('jsons://u:pw@hooks.example.com/in')).toEqual({
      kind: 'webhook',
      url: 'https://hooks.example.com/in',
      auth: { user: 'u', password: 'pw' },
    });
  });

  it('refuses what fits no channel, saying what is wrong', () => {
    expect(problem('hello')).toMatch(/not a URL/);
    expect(problem('gopher://example.com/x')).toMatch(/"gopher:\/\/" is not a kind of channel/);
    expect(problem('slack://T0123/B0456')).toMatch(/slack:\/\/TokenA\/TokenB\/TokenC/);
    expect(problem('discord://only-an-id')).toMatch(/WebhookId\/WebhookToken/);
    expect(problem(`tgram://${BOT}`)).toMatch(/chat is missing/);
    expect(problem(`tgram://${BOT}/1/2`)).toMatch(/one chat per channel/);
    expect(problem('tgram://notatoken/12345')).toMatch(/bot token/);
    expect(problem('ntfy://ntfy.example.com')).toMatch(/topic is missing/);
    expect(problem('mailto://smtp.example.com?from=a@b.example')).toMatch(/add \?to=/);
    expect(problem('mailto://smtp.example.com?to=a@b.example')).toMatch(/add &from=/);
    expect(problem('mailto://smtp.example.com?to=nobody&from=a@b.example')).toMatch(/"nobody" in to= is not an e-mail/);
    expect(problem('json://:8080/x')).toMatch(/host is missing/);
    expect(problem('json://host:99999/x')).toMatch(/port 99999/);
    expect(problem('https://example.com/hook')).toMatch(/not a Slack, Discord or Teams.*json:\/\/example\.com/);
    expect(problem('http://hooks.slack.com/services/T/B/C')).toMatch(/start with https/);
    expect(problem('https://hooks.slack.com/other')).toMatch(/hooks\.slack\.com\/services/);
  });

  it('never quotes a credential back in a refusal', () => {
    const refusals = [
      problem(`slack://T0123ABCD/${SLACK_C}`),
      problem(`discord://not an id/${DISCORD_TOKEN}`),
      problem(`tgram://${BOT}/not a chat`),
      problem('ntfy://alice:s3cret-pass@ntfy.example.com/bad/topic'),
    ];
    for (const text of refusals) {
      for (const secret of [SLACK_C, DISCORD_TOKEN, BOT, 's3cret-pass']) expect(text).not.toContain(secret);
    }
  });
});

describe('the target shown for a channel', () => {
  const cases: [string, string, string[]][] = [
    [`slack://T0123ABCD/B0456EFGH/${SLACK_C}`, 'slack://••••/••••/••••', [SLACK_C]],
    [`slack://T0123ABCDEFGH/B0456EFGHIJK/${SLACK_C}`, 'slack://T012…/B045…/••••', [SLACK_C]],
    [`discord://112233445566778899/${DISCORD_TOKEN}`, 'discord://112233445566778899/••••', [DISCORD_TOKEN]],
    [TEAMS, 'https://prod-27.westus.logic.azure.com/••••', ['Zm9vYmFyYmF6cXV4cXV1eA', '0a1b2c3d4e5f']],
    [`tgram://${BOT}/-1001234567890`, 'tgram://••••/-1001234567890', [BOT, 'AAHdqTcv']],
    [
      'ntfys://alice:s3cret-pass@ntfy.example.com/shop-alerts-7f3a',
      'ntfys://alice:••••@ntfy.example.com/shop…',
      ['s3cret-pass', 'shop-alerts'],
    ],
    [
      'mailto://bot:hunter2hunter2@smtp.example.com:2525?to=a@b.example&from=c@d.example',
      'mailto://bot:••••@smtp.example.com:2525?to=a@b.example&from=c@d.example',
      ['hunter2hunter2'],
    ],
    [
      'jsons://u:pw-secret@hooks.example.com/in/abcdefghijklmnop?key=zzzzzzzzzzzz',
      'jsons://u:••••@hooks.example.com/in/abcd…?••••',
      ['pw-secret', 'abcdefghijklmnop', 'zzzzzzzzzzzz'],
    ],
  ];

  it.each(cases)('%s → %s', (url, shown, secrets) => {
    const target = maskedTarget(address(url));
    expect(target).toBe(shown);
    for (const secret of secrets) expect(target).not.toContain(secret);
  });

  it('cleans a text about a delivery of every credential, URL-encoded ones too', () => {
    const mail = address('mailto://bot:p@ss word!@smtp.example.com?to=a@b.example&from=c@d.example');
    const text = 'Invalid login for bot with p@ss word! (p%40ss%20word!)';
    expect(redact(text, credentialsOf(mail))).toBe('Invalid login for bot with •••• (••••)');
    const slack = address(`slack://T0123ABCD/B0456EFGH/${SLACK_C}`);
    expect(redact(`POST /services/T0123ABCD/B0456EFGH/${SLACK_C} failed`, credentialsOf(slack))).toBe(
      'POST /services/••••/••••/•••• failed',
    );
  });
});
