// The domain model both sides use (docs/ARCHITECTURE.md, "The UI API").

export const STOCK_VALUES = [
  'InStock',
  'OutOfStock',
  'BackOrder',
  'PreOrder',
  'LimitedAvailability',
  'Unknown',
] as const;
export type StockAvailability = (typeof STOCK_VALUES)[number];

export type Operation = 'Insert' | 'Update' | 'Delete';

/** The fields a postback can carry about an item, normalized. Missing means "not sent", never "cleared". */
export interface ProductSnapshot {
  operation: Operation;
  /** the operation word as sent when it was none of Insert, Update, Delete (the snapshot is applied as an update) */
  unknownOperation?: string;
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

export interface ProductState {
  key: string;
  catalogId: string;
  catalogItemId: string;
  campaignId?: string;
  name?: string;
  url?: string;
  imageUrl?: string;
  currentPrice?: number;
  originalPrice?: number;
  currency?: string;
  stockAvailability: StockAvailability;
  inventory?: number;
  removed: boolean;
  firstSeenAt: string;
  updatedAt: string;
  /** impact.com's Partner API id of the item (e.g. product_24836_ACME-TB-12), once a catch-up check has seen it */
  apiId?: string;
  /** the brand (impact.com's AdvertiserName) and catalog name, once the catalogs are known */
  brandName?: string;
  catalogName?: string;
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

export interface FieldChange {
  field: TrackedField;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

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
/** Kinds that need a numeric `value`. */
export const VALUED_RULE_KINDS: readonly RuleKind[] = ['price-below', 'price-drop-pct', 'inventory-below'];

export interface WatchRule {
  kind: RuleKind;
  value?: number;
}

export interface WatchTarget {
  catalogId: string;
  catalogItemId: string;
}

export interface Watch {
  id: string;
  target: WatchTarget;
  rules: WatchRule[];
  muted: boolean;
  createdAt: string;
}

export interface Alert {
  watchId: string;
  kind: RuleKind;
  message: string;
}

/** Where a feed entry's news came from: a postback, or impact.com's Partner API (a catch-up check). */
export type FeedSource = 'postback' | 'api';

export interface FeedEntry {
  id: string;
  at: string;
  seq: number;
  key: string;
  product: ProductState;
  operation: Operation;
  /** the operation word the postback carried when it was none of Insert, Update, Delete (applied as an update) */
  unknownOperation?: string;
  /** the product's first entry: `changes` then lists its starting values (each `from: null`) */
  isNew: boolean;
  source: FeedSource;
  changes: FieldChange[];
  alerts: Alert[];
  read: boolean;
}

/** What the receiver keeps of a request: never the secret path segment nor the secret header. */
export interface RawRequest {
  method: string;
  query: string;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

export interface QuarantineEntry {
  id: string;
  seq: number;
  at: string;
  reason: string;
  raw: RawRequest;
}

/** A device that follows this Shelfwatch over its remote listener (a desktop app, a browser). */
export interface Device {
  id: string;
  name: string;
  /** null until the device used its pairing code */
  pairedAt: string | null;
  lastSeenAt: string | null;
  lastAddress: string | null;
}

export interface QuietHours {
  /** "HH:MM" local time */
  start: string;
  end: string;
}

export interface Settings {
  /** incoming key (any spelling) → canonical field name, on top of the built-in aliases */
  mapping: Record<string, string>;
  notifications: {
    enabled: boolean;
    digestWindowSeconds: number;
    quietHours: QuietHours | null;
    sound: boolean;
  };
  launchAtLogin: boolean;
  retention: {
    feedEntries: number;
    historyPerProduct: number;
    journalDays: number;
  };
  receiver: {
    host: string;
    port: number;
    /** optional second secret: impact.com's custom "HTTP Header" */
    headerName: string;
    headerValue: string;
  };
  alertsPausedUntil: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  mapping: {},
  notifications: { enabled: true, digestWindowSeconds: 10, quietHours: null, sound: true },
  launchAtLogin: false,
  retention: { feedEntries: 200_000, historyPerProduct: 200, journalDays: 7 },
  receiver: { host: '127.0.0.1', port: 8787, headerName: '', headerValue: '' },
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

/** Whether a watch's target covers a product: the item itself, its whole catalog, or its brand's campaign. */
export function watchCovers(
  target: WatchTarget,
  product: Pick<ProductState, 'catalogId' | 'catalogItemId' | 'campaignId'>,
): boolean {
  const wanted = target as { catalogId?: string; catalogItemId?: string; campaignId?: string };
  if (wanted.campaignId !== undefined) return wanted.campaignId === product.campaignId;
  if (wanted.catalogId !== product.catalogId) return false;
  return wanted.catalogItemId === undefined || wanted.catalogItemId === product.catalogItemId;
}

/** Split a key at its first colon: catalog ids are integers, item ids may contain colons. */
export function parseProductKey(key: string): WatchTarget | null {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return null;
  return { catalogId: key.slice(0, at), catalogItemId: key.slice(at + 1) };
}
