// How often one channel may be sent to, by what each service publishes. Messages to a channel go one at a time, in
// order, at most this often; a 429 answer waits as long as the service asks on top of that.
import type { ChannelAddress } from './address.js';

/** Slack: about one message a second per incoming web hook (api.slack.com/apis/rate-limits). */
const SLACK_MS = 1_000;
/** Discord: 30 messages a minute per channel for web hooks (discord.com/developers/docs/topics/rate-limits). */
const DISCORD_MS = 2_000;
/** Telegram: one message a second to a chat, 20 a minute to a group (core.telegram.org/bots/faq). */
const TELEGRAM_CHAT_MS = 1_000;
const TELEGRAM_GROUP_MS = 3_000;
/** Teams Workflows, ntfy.sh's visitor limit and mail servers: a message a second is well inside each. */
const GENTLE_MS = 1_000;

export function paceMs(address: ChannelAddress): number {
  switch (address.kind) {
    case 'slack':
      return SLACK_MS;
    case 'discord':
      return DISCORD_MS;
    case 'telegram':
      // a group's or channel's chat id is negative (or an @name); a person's is positive
      return /^\d/.test(address.chatId) ? TELEGRAM_CHAT_MS : TELEGRAM_GROUP_MS;
    case 'webhook':
      return 0; // your own endpoint: as fast as it answers, still one at a time
    default:
      return GENTLE_MS;
  }
}
