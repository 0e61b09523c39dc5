// The domain model both sides use (docs/ARCHITECTURE.md, "The UI API"). The types of everything that crosses a
// boundary are derived from the schemas in shared/schema/ and re-exported here under their usual names; this file
// keeps the constants (no zod at run time, so the preload and the renderer can import it cheaply).

export type { Device } from './schema/devices.js';
export type { Alert, FeedEntry, FieldChange, ProductState } from './schema/feed.js';
export type { RawRequest } from './schema/journal.js';
export type { QuietHours, Settings } from './schema/settings.js';
export type { ItemTarget, Watch, WatchRule, WatchTarget } from './schema/watches.js';

import type { ProductState } from './schema/feed.js';
import type { RawRequest } from './schema/journal.js';
import { RULE_VALUE_RANGES } from './schema/ranges.js';
import type { Settings } from './schema/settings.js';
import type { WatchTarget } from './schema/watches.js';

export const STOCK_VALUES = [
  'InStock',
  'OutOfStock',
  'BackOrder',
  'PreOrder',
  'LimitedAvailability',
  'Unknown',
] as const;
export type StockAvailability = (typeof STOCK_VALUES)[number];

export const OPERATIONS = ['Insert', 'Update', 'Delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The fields a postback can carry about an item, normalized. Missing means "not sent", never "cleared". */
export interface ProductSnapshot {
  operation: Operation;
  /** the operation word as sent when it was none of Insert, Update, Delete (the snapshot is applied as an update) */
  unknownOperation?: string;
  /** impact.com's Partner API id of the item, when the news came from a catch-up check */
  apiId?: string;
  catalogId: string;
  catalogItemId: string;
  campaignId?: string;
  name?: string;
  url?: string;
  imageUrl?: string;
  currentPrice?: number;
  originalPrice?: number;
  currency?: string;
  stockAvailability?: StockAvailability;
  inventory?: number;
}

/** Fields whose change the diff reports (in this order). */
export const TRACKED_FIELDS = [
  'campaignId',
  'name',
  'url',
  'imageUrl',
  'currentPrice',
  'originalPrice',
  'currency',
  'stockAvailability',
  'inventory',
  'removed',
] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export interface HistoryPoint {
  at: string;
  currentPrice?: number;
  currency?: string;
  stockAvailability: StockAvailability;
  inventory?: number;
}

export const RULE_KINDS = [
  'price-below',
  'price-drop-pct',
  'price-change',
  'back-in-stock',
  'out-of-stock',
  'inventory-below',
  'removed',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/** Kinds that need a numeric `value`: those with a value range. */
export const VALUED_RULE_KINDS = Object.keys(RULE_VALUE_RANGES) as readonly RuleKind[];

/** Where a feed entry's news came from: a postback, or impact.com's Partner API (a catch-up check). */
export const FEED_SOURCES = ['postback', 'api'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

export interface QuarantineEntry {
  id: string;
  seq: number;
  at: string;
  reason: string;
  raw: RawRequest;
}

export const DEFAULT_SETTINGS: Settings = {
  mapping: {},
  notifications: { enabled: true, digestWindowSeconds: 10, quietHours: null, sound: true },
  launchAtLogin: false,
  retention: { feedEntries: 200_000, historyPerProduct: 200, journalDays: 7 },
  receiver: { host: '127.0.0.1', port: 8787, headerName: '', headerValue: '', allowList: [] },
  alertsPausedUntil: null,
};

/** The fields an incoming postback key can map to (the Settings field mapping offers these). */
export const CANONICAL_FIELDS = [
  'operation',
  'catalogId',
  'campaignId',
  'catalogItemId',
  'name',
  'url',
  'imageUrl',
  'currentPrice',
  'originalPrice',
  'currency',
  'stockAvailability',
  'inventory',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export function productKey(catalogId: string, catalogItemId: string): string {
  return `${catalogId}:${catalogItemId}`;
}

/** The product key of a watch on one item; null for a watch on a whole catalog or brand. */
export function itemKeyOf(target: WatchTarget): string | null {
  return 'catalogItemId' in target ? productKey(target.catalogId, target.catalogItemId) : null;
}

/** Two targets that are the same thing to watch (one watch per target). */
export function sameTarget(a: WatchTarget, b: WatchTarget): boolean {
  const key = (target: WatchTarget) =>
    'linkedFromPages' in target
      ? 'pages'
      : 'campaignId' in target
        ? `campaign:${target.campaignId}`
        : (itemKeyOf(target) ?? `catalog:${target.catalogId}`);
  return key(a) === key(b);
}

/**
 * Whether a watch's target covers a product: the item itself, its whole catalog, its brand's campaign, or (a watch on
 * what the partner's pages link to) whether the last scan found a page linking to it.
 */
export function watchCovers(
  target: WatchTarget,
  product: Pick<ProductState, 'catalogId' | 'catalogItemId' | 'campaignId'>,
  linkedFromPages = false,
): boolean {
  if ('linkedFromPages' in target) return linkedFromPages;
  const wanted = target as { catalogId?: string; catalogItemId?: string; campaignId?: string };
  if (wanted.campaignId !== undefined) return wanted.campaignId === product.campaignId;
  if (wanted.catalogId !== product.catalogId) return false;
  return wanted.catalogItemId === undefined || wanted.catalogItemId === product.catalogItemId;
}
