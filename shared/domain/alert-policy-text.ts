// What a notification says, on the desktop and in the browser alike. Pure. Notifications show plain text only, and
// long text is cut by the OS anyway, so everything is flattened and capped here where it can be tested.
import type { TrackedField } from '../contract/enums.js';
import type { FeedEntry, FieldChange } from '../contract/feed.js';
import { formatPrice } from './money.js';
import { onYourPagesText } from './pages-text.js';
import { STOCK_LABELS } from './stock.js';

export const TITLE_MAX = 64;
export const BODY_MAX = 200;

/** One product's alerts in a batch (alert-policy-batch.ts). */
export interface ProductAlerts {
  latest: FeedEntry;
  /** distinct alert messages, oldest first */
  messages: Set<string>;
  /** how many alerting changes of it the batch holds */
  changes: number;
  /** each changed field's value before the first of those changes */
  was: Map<TrackedField, FieldChange['from']>;
}

export interface NotificationText {
  title: string;
  body: string;
  /** the renderer route a click opens */
  route: string;
}

/** Collapses control characters and whitespace runs, then caps with an ellipsis. */
export function plainText(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).trimEnd()}…`;
}

export const productRoute = (key: string): string => `#/product/${encodeURIComponent(key)}`;
export const ALERTS_ROUTE = '#/feed?filter=alerts';

/** The brand by name once the impact.com catalogs are known, else its campaign or the catalog: what a digest groups by. */
export function groupLabel(entry: FeedEntry): string {
  const { brandName, catalogName, campaignId, catalogId } = entry.product;
  if (brandName) return brandName;
  if (catalogName) return catalogName;
  return campaignId ? `campaign ${campaignId}` : `catalog ${catalogId}`;
}

/** One product: its name as the title, its alert messages as the body (after a prefix, e.g. "While you were away: "). */
export function singleText(latest: FeedEntry, messages: Iterable<string>, prefix = ''): NotificationText {
  const pages = onYourPagesText(latest.pages);
  return {
    title: plainText(latest.product.name || latest.key, TITLE_MAX),
    body: plainText(`${prefix}${[...messages].join(' · ') || 'Changed'}${pages ? ` · ${pages}` : ''}`, BODY_MAX),
    route: productRoute(latest.key),
  };
}

/**
 * Many products: "14 watched products changed" — "9 from campaign 4521, 5 from catalog 88". A prefix ("While you
 * were away: ") leads the title.
 */
export function digestText(latestPerProduct: FeedEntry[], prefix = ''): NotificationText {
  const counts = new Map<string, number>();
  for (const entry of latestPerProduct) {
    const label = groupLabel(entry);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const groups = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = groups.slice(0, 3).map(([label, count]) => `${count} from ${label}`);
  const rest = groups.length - shown.length;
  if (rest > 0) shown.push(`${rest} more ${rest === 1 ? 'source' : 'sources'}`);
  return {
    title: plainText(`${prefix}${latestPerProduct.length} watched products changed`, TITLE_MAX),
    body: plainText(shown.join(', '), BODY_MAX),
    route: ALERTS_ROUTE,
  };
}

/** The fields a net effect names, in the order it names them. */
const NET_FIELDS: readonly TrackedField[] = ['stockAvailability', 'currentPrice', 'removed', 'inventory'];

/**
 * One product that changed several times in the batch: what it adds up to. "Flapped 6 times, now in stock" when
 * it ended where it started; "Changed 3 times, now $34.99 (was $39.99)" otherwise.
 */
export function netText(alerts: ProductAlerts, prefix = ''): NotificationText {
  const { latest } = alerts;
  const nets = NET_FIELDS.flatMap((field) => {
    if (!alerts.was.has(field)) return [];
    const was = alerts.was.get(field) ?? null;
    const now = currentValue(latest, field);
    return [{ same: was === now, now: valueText(field, now, latest), was: valueText(field, was, latest) }];
  });
  const verb = nets.length > 0 && nets.every((net) => net.same) ? 'Flapped' : 'Changed';
  const parts = nets.map((net) => (net.same ? net.now : `${net.now} (was ${net.was})`));
  const summary = parts.length > 0 ? `, now ${parts.join(', ')}` : `: ${[...alerts.messages].join(' · ')}`;
  return {
    title: plainText(latest.product.name || latest.key, TITLE_MAX),
    body: plainText(`${prefix}${verb} ${alerts.changes} times${summary}`, BODY_MAX),
    route: productRoute(latest.key),
  };
}

function currentValue(entry: FeedEntry, field: TrackedField): FieldChange['from'] {
  const value = entry.product[field as keyof FeedEntry['product']];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** "in stock", "$34.99", "removed from the catalog", "inventory 12": the words after "now". */
function valueText(field: TrackedField, value: FieldChange['from'], entry: FeedEntry): string {
  switch (field) {
    case 'stockAvailability': {
      const label = typeof value === 'string' && Object.hasOwn(STOCK_LABELS, value) ? value : 'Unknown';
      return STOCK_LABELS[label as keyof typeof STOCK_LABELS].toLowerCase();
    }
    case 'currentPrice':
      return typeof value === 'number' ? formatPrice(value, entry.product.currency) : 'no price';
    case 'removed':
      return value === true ? 'removed from the catalog' : 'in the catalog';
    default:
      return `inventory ${value ?? 'unknown'}`;
  }
}
