// A message to one channel: one alert, a digest of many (the first few in full, then how many more), or a test.
// The words every service shares are here; each service's formatter (slack.ts, discord.ts, …) lays them out.
import type { AlertItem } from './alert-item.js';

export interface OutgoingMessage {
  /** stable across retries and restarts: the webhook's webhook-id, the e-mail's Message-ID */
  id: string;
  type: 'alerts' | 'test';
  channel: { id: string; name: string };
  /** the alerts kept in full, oldest first (at most MAX_KEPT_ITEMS) */
  items: AlertItem[];
  /** how many alerts the message stands for */
  total: number;
  /** when its first alert arrived (a test: when it was asked for), ISO */
  createdAt: string;
}

/** What a formatter needs besides the message. */
export interface RenderContext {
  /** a link into Shelfwatch's UI for a product, where the UI is reachable by others (a hub's address); else none */
  productLink(key: string): string | undefined;
}

/** Alerts a message keeps in full (a webhook receives them all); people read the first SHOWN_ITEMS. */
export const MAX_KEPT_ITEMS = 50;
export const SHOWN_ITEMS = 10;

export function shownItems(message: OutgoingMessage): AlertItem[] {
  return message.items.slice(0, SHOWN_ITEMS);
}

/** "…and 990 more alerts": null when every alert is shown (by default the first SHOWN_ITEMS are). */
export function moreText(message: OutgoingMessage, shown = shownItems(message).length): string | null {
  const more = message.total - shown;
  if (more <= 0) return null;
  return `…and ${count(more, 'more alert')} (see the feed in Shelfwatch)`;
}

export function titleOf(message: OutgoingMessage): string {
  if (message.type === 'test') return 'Shelfwatch test message';
  const [first] = message.items;
  if (message.total === 1 && first) return first.message;
  return count(message.total, 'Shelfwatch alert');
}

/** The test's one sentence. */
export function testText(message: OutgoingMessage): string {
  return `This channel works: Shelfwatch alerts for “${message.channel.name}” will arrive here.`;
}

/** "Acme · Price drops ≥ 10% · $34.99 · In stock · on 2 of your pages: Best tents 2026": the facts under an alert. */
export function detailsOf(item: AlertItem): string {
  return [item.brand, item.ruleText, item.price, item.stock, item.pages].filter(Boolean).join(' · ');
}

/** The headline of one alert in a list, without the product name the message led with. */
export function changeOf(item: AlertItem): string {
  const prefix = `${item.name}: `;
  return item.message.startsWith(prefix) ? item.message.slice(prefix.length) : item.message;
}

export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Text cut to `max` characters with an ellipsis (services refuse over-long fields). */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
