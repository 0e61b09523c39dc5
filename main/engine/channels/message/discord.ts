// Discord: a channel web hook's JSON with one embed. Mentions are switched off: a product named "@everyone" must
// not ping a whole server. https://discord.com/developers/docs/resources/webhook#execute-webhook
import type { AlertItem } from './alert-item.js';
import {
  changeOf,
  cut,
  detailsOf,
  moreText,
  type OutgoingMessage,
  type RenderContext,
  shownItems,
  testText,
  titleOf,
} from './outgoing.js';

const GREEN = 0x2e7d32;

/** Discord's markdown characters, escaped with a backslash so a product name shows as typed. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|>#[\]()-])/g, '\\$1');
}

function link(url: string | undefined, label: string): string {
  return url
    ? `[${escapeMarkdown(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`
    : `**${escapeMarkdown(label)}**`;
}

function itemLines(item: AlertItem, context: RenderContext): string {
  const more = context.productLink(item.key);
  return [
    `${link(item.url, item.name)} — ${escapeMarkdown(changeOf(item))}`,
    escapeMarkdown(detailsOf(item)),
    more ? `[Open in Shelfwatch](${more})` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function discordPayload(message: OutgoingMessage, context: RenderContext): Record<string, unknown> {
  const embed: Record<string, unknown> = { title: cut(titleOf(message), 256), color: GREEN };
  if (message.type === 'test') {
    embed.description = testText(message);
  } else {
    const blocks = shownItems(message).map((item) => itemLines(item, context));
    embed.description = cut(blocks.join('\n\n'), 4096);
    const more = moreText(message);
    if (more) embed.footer = { text: cut(more, 2048) };
    const [first] = message.items;
    if (message.total === 1 && first) {
      if (first.url) embed.url = first.url;
      if (first.imageUrl) embed.thumbnail = { url: first.imageUrl };
    }
  }
  embed.timestamp = message.createdAt;
  return { username: 'Shelfwatch', embeds: [embed], allowed_mentions: { parse: [] } };
}
