// What a notification says. Pure. Native notifications show plain text only, and long text is cut by the OS
// anyway, so everything is flattened and capped here where it can be tested.
import type { FeedEntry } from '../../shared/contract/feed.js';
import { onYourPagesText } from '../../shared/domain/pages-text.js';

export const TITLE_MAX = 64;
export const BODY_MAX = 200;

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

/**
 * One product: its name as the title, its alert messages as the body (after a prefix, e.g. "While you were away: "),
 * then the partner's pages that link to it ("on 2 of your pages: Best tents 2026, Gift guide").
 */
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
