// The closed sets of words the contract is made of. The bottom layer of shared/contract/: imports nothing, so every
// other file (and the renderer, and the preload) can use them without loading a schema library.

/** Stock availability as Shelfwatch stores it (shared/domain/stock.ts reads the spellings brands send). */
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

/** Where a feed entry's news came from: a postback, or impact.com's Partner API (a catch-up check). */
export const FEED_SOURCES = ['postback', 'api'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

/** Which entries a feed page holds: all, those of watched products (and any alert), or alerts only. */
export const FEED_FILTERS = ['all', 'watched', 'alerts'] as const;
export type FeedFilter = (typeof FEED_FILTERS)[number];

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

/** How a desktop following a hub reaches it ("Hub unreachable since 10:32 — retrying"). */
export const HUB_CONNECTION_STATES = ['connecting', 'live', 'unreachable', 'refused'] as const;
export type HubConnectionState = (typeof HUB_CONNECTION_STATES)[number];

/** What a site of the partner's is, from what its address serves (issue 18). */
export const SITE_KINDS = ['sitemap', 'feed', 'page'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** How a link on a page was matched to a product, in the order the matcher tries them. */
export const PAGE_MATCHES = ['link', 'sku', 'destination', 'untracked'] as const;
export type PageMatch = (typeof PAGE_MATCHES)[number];

/** Why a page needs the partner: a product it links to is out of stock, removed or dearer, or a link earns nothing. */
export const ATTENTION_REASONS = ['out-of-stock', 'removed', 'price-up', 'untracked'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/**
 * What a notice in the status is about, so the UI and tests can tell notices apart without reading their words.
 * 'other': a code this version does not know (a newer hub's).
 */
export const NOTICE_CODES = [
  'secrets-restored',
  'state-rebuilt',
  'settings-reset',
  'rules-merged',
  'journal-damaged',
  'journal-refused',
  'database-recovered',
  'documents-recovered',
  'database-damaged',
  'upgrade-done',
  'upgrade-failed',
  'storage-fault',
  'apply-fault',
  'backup-fault',
  'other',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];
