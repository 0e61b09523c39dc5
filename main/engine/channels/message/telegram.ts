// Telegram: the Bot API's sendMessage in its HTML mode (only &, < and > need escaping there), link previews off.
// https://core.telegram.org/bots/api#sendmessage · https://core.telegram.org/bots/api#html-style
import type { AlertItem } from './alert-item.js';
import { escapeHtml } from './escape-html.js';
import {
  changeOf,
  detailsOf,
  moreText,
  type OutgoingMessage,
  type RenderContext,
  shownItems,
  testText,
  titleOf,
} from './outgoing.js';

const MAX_TEXT = 4096;

function link(url: string | undefined, label: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

function itemText(item: AlertItem, context: RenderContext): string {
  const more = context.productLink(item.key);
  return [
    `<b>${link(item.url, item.name)}</b>: ${escapeHtml(changeOf(item))}`,
    `<i>${escapeHtml(detailsOf(item))}</i>`,
    more ? link(more, 'Open in Shelfwatch') : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The HTML text, whole items only, within Telegram's 4,096 characters. */
export function telegramText(message: OutgoingMessage, context: RenderContext): string {
  const parts = [`<b>${escapeHtml(titleOf(message))}</b>`];
  if (message.type === 'test') return `${parts[0]}\n${escapeHtml(testText(message))}`;
  let length = parts[0]?.length ?? 0;
  let shown = 0;
  const items = shownItems(message);
  for (const item of items) {
    const block = itemText(item, context);
    if (length + block.length + 200 > MAX_TEXT) break;
    parts.push(block);
    length += block.length + 2;
    shown++;
  }
  const more = moreText(message, shown);
  if (more) parts.push(escapeHtml(more));
  return parts.join('\n\n');
}

export function telegramPayload(
  message: OutgoingMessage,
  context: RenderContext,
  chatId: string,
): Record<string, unknown> {
  return {
    chat_id: chatId,
    text: telegramText(message, context),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  };
}
