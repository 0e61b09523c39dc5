// Slack: an incoming web hook's JSON, Block Kit blocks with a plain `text` for notifications and old clients.
// https://api.slack.com/messaging/webhooks · https://api.slack.com/reference/surfaces/formatting#escaping
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

/** Slack's mrkdwn needs only &, < and > escaped; a link's label cannot hold a | at all. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function link(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return url ? `<${url.replace(/[<>|]/g, encodeURIComponent)}|${text}>` : text;
}

function itemBlock(item: AlertItem, context: RenderContext, single: boolean): Record<string, unknown> {
  const more = context.productLink(item.key);
  const lines = [
    `*${link(item.url, item.name)}*  ${escapeMrkdwn(changeOf(item))}`,
    escapeMrkdwn(detailsOf(item)),
    more ? link(more, 'Open in Shelfwatch') : '',
  ].filter(Boolean);
  const block: Record<string, unknown> = {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(lines.join('\n'), 3000) },
  };
  if (single && item.imageUrl)
    block.accessory = { type: 'image', image_url: item.imageUrl, alt_text: cut(item.name, 2000) };
  return block;
}

export function slackPayload(message: OutgoingMessage, context: RenderContext): Record<string, unknown> {
  const title = titleOf(message);
  const blocks: Record<string, unknown>[] = [{ type: 'header', text: { type: 'plain_text', text: cut(title, 150) } }];
  if (message.type === 'test') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(testText(message)) } });
  } else {
    const single = message.total === 1;
    for (const item of shownItems(message)) blocks.push(itemBlock(item, context, single));
    const more = moreText(message);
    if (more) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(more) }] });
  }
  return { text: cut(title, 3000), blocks };
}
