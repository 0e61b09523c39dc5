// A channel URL → where it delivers. Apprise's notation (slack://, discord://, tgram://, ntfy://, mailto://,
// json://) or the service's own web-hook URL (hooks.slack.com, discord.com, a Teams Workflows URL). A URL that fits
// none is refused with a sentence saying what is wrong; no sentence quotes a credential back.
import type { AddressOf, BasicAuth, ChannelAddress } from './address.js';
import { parseEmailUrl } from './parse-email-url.js';
import { parseWebUrl } from './parse-web-url.js';
import { authorityOf, ChannelUrlError, hostAndPort, splitUrl, type UrlParts } from './url-parts.js';

export type ParsedChannelUrl = { ok: true; address: ChannelAddress } | { ok: false; problem: string };

export const CHANNEL_URL_FORMS =
  'slack://, discord://, tgram://, ntfy://, ntfys://, mailto://, mailtos://, json://, jsons://, or a Slack, Discord or Teams web-hook address (https://…)';

export function parseChannelUrl(text: string): ParsedChannelUrl {
  try {
    return { ok: true, address: addressOf(splitUrl(text)) };
  } catch (error) {
    if (!(error instanceof ChannelUrlError)) throw error;
    return { ok: false, problem: `This channel URL cannot be used: ${error.message}.` };
  }
}

function addressOf(parts: UrlParts): ChannelAddress {
  switch (parts.scheme) {
    case 'slack':
      return slack(parts);
    case 'discord':
      return discord(parts);
    case 'tgram':
      return telegram(parts);
    case 'ntfy':
    case 'ntfys':
      return ntfy(parts);
    case 'mailto':
    case 'mailtos':
      return parseEmailUrl(parts);
    case 'json':
    case 'jsons':
      return webhook(parts);
    case 'https':
    case 'http':
    case 'workflows':
    case 'workflow':
      return parseWebUrl(parts);
    default:
      throw new ChannelUrlError(
        `"${parts.scheme}://" is not a kind of channel Shelfwatch knows (use ${CHANNEL_URL_FORMS})`,
      );
  }
}

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

function slack(parts: UrlParts): AddressOf<'slack'> {
  // slack://[botname@]TokenA/TokenB/TokenC[/#channel]: the bot name and channels are Apprise's; a web hook ignores them
  const tokens = [parts.authority, ...parts.segments.filter((segment) => !segment.startsWith('#'))].slice(0, 3);
  if (tokens.length < 3 || tokens.some((token) => !TOKEN.test(token))) {
    throw new ChannelUrlError('a Slack URL is slack://TokenA/TokenB/TokenC, the three parts of the web hook’s address');
  }
  return { kind: 'slack', tokens: tokens as [string, string, string] };
}

function discord(parts: UrlParts): AddressOf<'discord'> {
  const [webhookToken] = parts.segments;
  if (!TOKEN.test(parts.authority) || webhookToken === undefined || !TOKEN.test(webhookToken)) {
    throw new ChannelUrlError('a Discord URL is discord://WebhookId/WebhookToken');
  }
  return { kind: 'discord', webhookId: parts.authority, webhookToken };
}

function telegram(parts: UrlParts): AddressOf<'telegram'> {
  const botToken = parts.authority.replace(/^bot/i, '');
  if (!/^\d{1,20}:[A-Za-z0-9_-]{1,100}$/.test(botToken)) {
    throw new ChannelUrlError(
      'a Telegram URL is tgram://BotToken/ChatId, the bot token as @BotFather gave it (123456:ABC…)',
    );
  }
  const chats = parts.segments;
  const [chatId] = chats;
  if (chatId === undefined) throw new ChannelUrlError('the chat is missing: tgram://BotToken/ChatId');
  if (chats.length > 1) throw new ChannelUrlError('one chat per channel: add a channel for each chat');
  if (!/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,40})$/.test(chatId)) {
    throw new ChannelUrlError('the chat must be a chat id (a number, e.g. -1001234567890) or a channel’s @name');
  }
  return { kind: 'telegram', botToken, chatId };
}

const NTFY_TOPIC = /^[A-Za-z0-9_-]{1,64}$/;

function ntfy(parts: UrlParts): AddressOf<'ntfy'> {
  const tls = parts.scheme === 'ntfys';
  const { host, port } = hostAndPort(parts.authority);
  let server: string;
  let topic: string | undefined;
  if (parts.segments.length === 0 && port === undefined && NTFY_TOPIC.test(host) && !host.includes('.')) {
    // ntfy://topic: Apprise's short form for the public server
    server = 'https://ntfy.sh';
    topic = host;
  } else {
    server = `${tls ? 'https' : 'http'}://${authorityOf({ host, port })}`;
    topic = parts.segments[0];
  }
  if (topic === undefined) throw new ChannelUrlError('the topic is missing: ntfy://host/topic');
  if (parts.segments.length > 1 || !NTFY_TOPIC.test(topic)) {
    throw new ChannelUrlError('the topic must be one word of letters, digits, - and _ (at most 64)');
  }
  return { kind: 'ntfy', server, topic, ...ntfyAuth(parts) };
}

function ntfyAuth(parts: UrlParts): { auth?: AddressOf<'ntfy'>['auth'] } {
  if (parts.user === undefined) return {};
  if (parts.password === undefined && parts.user.startsWith('tk_')) return { auth: { token: parts.user } };
  return { auth: basicAuth(parts) };
}

function webhook(parts: UrlParts): AddressOf<'webhook'> {
  const scheme = parts.scheme === 'jsons' ? 'https' : 'http';
  const authority = authorityOf(hostAndPort(parts.authority));
  const path = parts.segments.map(encodeURIComponent).join('/');
  const query = parts.query.toString();
  const url = `${scheme}://${authority}/${path}${query ? `?${query}` : ''}`;
  return parts.user === undefined ? { kind: 'webhook', url } : { kind: 'webhook', url, auth: basicAuth(parts) };
}

export function basicAuth(parts: UrlParts): BasicAuth {
  if (!parts.user) throw new ChannelUrlError('the user name before the @ is empty');
  return { user: parts.user, password: parts.password ?? '' };
}
