// The services a channel can send to, as the Settings view explains them: what each is called, the URL it takes,
// and where to get one. The engine reads the URL (main/engine/channels/parse-url.ts); the kind guessed here from
// its start only picks which help to show while the user pastes.

import type { ChannelKind } from '../../../../../shared/contract/channel.js';
import { DISCORD_HOSTS, SLACK_HOSTS, TEAMS_HOST } from '../../../../../shared/domain/channel-hosts.js';

export interface ChannelService {
  kind: ChannelKind;
  label: string;
  /** the URL's form, as the README gives it */
  form: string;
  /** where to get one, in a sentence */
  where: string;
}

export const CHANNEL_SERVICES: readonly ChannelService[] = [
  {
    kind: 'slack',
    label: 'Slack',
    form: 'https://hooks.slack.com/services/T…/B…/… or slack://TokenA/TokenB/TokenC',
    where: 'In Slack: Apps → Incoming Webhooks → Add to Slack, pick the channel, copy the Webhook URL.',
  },
  {
    kind: 'discord',
    label: 'Discord',
    form: 'https://discord.com/api/webhooks/… or discord://WebhookId/WebhookToken',
    where: 'In Discord: the channel’s Edit Channel → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
  },
  {
    kind: 'teams',
    label: 'Microsoft Teams',
    form: 'the https://… address of a Workflows web hook',
    where:
      'In Teams: the channel’s ⋯ → Workflows → “Post to a channel when a webhook request is received”; copy the URL it shows at the end.',
  },
  {
    kind: 'telegram',
    label: 'Telegram',
    form: 'tgram://BotToken/ChatId',
    where:
      'Create a bot with @BotFather (it gives the token), add it to the chat, then find the chat id (e.g. with @userinfobot, or getUpdates).',
  },
  {
    kind: 'ntfy',
    label: 'ntfy',
    form: 'ntfys://ntfy.sh/your-topic or ntfy://user:password@your-server/topic',
    where:
      'Pick a topic name that is hard to guess (anyone who knows it can read it), and subscribe to it in the ntfy app.',
  },
  {
    kind: 'email',
    label: 'E-mail',
    form: 'mailtos://user:password@smtp.example.com?to=you@example.com&from=alerts@example.com',
    where:
      'Your mail provider’s SMTP server and an app password: mailtos:// for port 465, mailto:// for 587 (STARTTLS when offered).',
  },
  {
    kind: 'webhook',
    label: 'Your own webhook',
    form: 'jsons://your-server/path (or json:// for plain http)',
    where:
      'Any endpoint that takes a JSON POST. Each request is signed (Standard Webhooks); the signing secret is shown once, when you add it.',
  },
];

export function serviceOf(kind: ChannelKind): ChannelService {
  return CHANNEL_SERVICES.find((service) => service.kind === kind) ?? (CHANNEL_SERVICES[0] as ChannelService);
}

/** The service a URL being typed looks like (only for help; the engine decides). */
export function guessKind(url: string): ChannelKind | null {
  const text = url.trim().toLowerCase();
  const scheme = /^([a-z]+):\/\//.exec(text)?.[1] ?? '';
  const host = /^https:\/\/([^/:?#]+)/.exec(text)?.[1] ?? '';
  if (scheme === 'slack' || SLACK_HOSTS.includes(host)) return 'slack';
  if (scheme === 'discord' || DISCORD_HOSTS.includes(host)) return 'discord';
  if (scheme === 'workflows' || scheme === 'workflow' || (host && TEAMS_HOST.test(host))) return 'teams';
  if (scheme === 'tgram') return 'telegram';
  if (/^ntfys?:\/\//.test(text)) return 'ntfy';
  if (/^mailtos?:\/\//.test(text)) return 'email';
  if (/^jsons?:\/\//.test(text)) return 'webhook';
  return null;
}

/** The digest windows offered: one message per alert, or alerts gathered for a while. */
export const DIGEST_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: 'Each alert at once' },
  { seconds: 60, label: 'Gather for 1 minute' },
  { seconds: 300, label: 'Gather for 5 minutes' },
  { seconds: 900, label: 'Gather for 15 minutes' },
  { seconds: 3_600, label: 'Gather for 1 hour' },
  { seconds: 86_400, label: 'A daily summary' },
];
