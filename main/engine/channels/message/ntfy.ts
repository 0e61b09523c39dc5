// ntfy: JSON publishing to the server's root (title, message, tags shown as emoji, click opens the product).
// https://docs.ntfy.sh/publish/#publish-as-json
import type { RuleKind } from '../../../../shared/contract/enums.js';
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

/** ntfy shows a tag that is an emoji short code as the emoji. */
const RULE_TAGS: Record<RuleKind, string> = {
  'price-below': 'moneybag',
  'price-drop-pct': 'chart_with_downwards_trend',
  'price-change': 'heavy_dollar_sign',
  'back-in-stock': 'package',
  'out-of-stock': 'no_entry_sign',
  'inventory-below': 'warning',
  removed: 'wastebasket',
};

/** ntfy's message limit is 4,096 bytes; kept well under so multi-byte text fits too. */
const MAX_MESSAGE = 3_000;

export function ntfyPayload(message: OutgoingMessage, context: RenderContext, topic: string): Record<string, unknown> {
  const payload: Record<string, unknown> = { topic, title: cut(titleOf(message), 200) };
  if (message.type === 'test') return { ...payload, message: testText(message), tags: ['white_check_mark'] };
  const items = shownItems(message);
  const lines = items.map((item) => `${item.name}: ${changeOf(item)}\n${detailsOf(item)}`);
  const more = moreText(message);
  if (more) lines.push(more);
  payload.message = cut(lines.join('\n\n'), MAX_MESSAGE);
  payload.tags = [...new Set(items.map((item) => RULE_TAGS[item.rule]))].slice(0, 5);
  const [first] = message.items;
  if (message.total === 1 && first) {
    const click = context.productLink(first.key) ?? first.url;
    if (click) payload.click = click;
    if (first.url) payload.actions = [{ action: 'view', label: 'Open product', url: first.url }];
  }
  return payload;
}
