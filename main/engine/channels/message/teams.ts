// Microsoft Teams: what a Workflows web hook ("When a Teams webhook request is received") posts to a channel, an
// Adaptive Card in a message. https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference
import type { AlertItem } from './alert-item.js';
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

/** Adaptive Cards read a subset of markdown in text: brackets and emphasis characters are escaped. */
function escapeCardText(text: string): string {
  return text.replace(/([\\*_[\]])/g, '\\$1');
}

function text(value: string, options: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

function itemContainer(item: AlertItem, context: RenderContext): Record<string, unknown> {
  const name = item.url ? `[${escapeCardText(item.name)}](${item.url})` : escapeCardText(item.name);
  const more = context.productLink(item.key);
  const items = [
    text(`**${name}**: ${escapeCardText(changeOf(item))}`),
    text(escapeCardText(detailsOf(item)), { isSubtle: true, spacing: 'None', size: 'Small' }),
  ];
  if (more) items.push(text(`[Open in Shelfwatch](${more})`, { spacing: 'None', size: 'Small' }));
  return { type: 'Container', separator: true, items };
}

export function teamsPayload(message: OutgoingMessage, context: RenderContext): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    text(escapeCardText(titleOf(message)), { size: 'Medium', weight: 'Bolder' }),
  ];
  if (message.type === 'test') body.push(text(escapeCardText(testText(message))));
  else {
    for (const item of shownItems(message)) body.push(itemContainer(item, context));
    const more = moreText(message);
    if (more) body.push(text(more, { isSubtle: true }));
  }
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
