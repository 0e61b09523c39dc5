// What a link and a product are matched by, as short numbers the link index can look up: the tracking link, the
// program and item (prodsku), the destination. The numbers are a 53-bit hash of the compared text (cyrb53, which
// allocates nothing: a scan hashes 300,000 links): at a million products and 300,000 links, two different texts
// sharing one is about a one-in-thirty-thousand chance per scan, and would link one page to one wrong product.
import { parseTrackingLink, trackingLinkOf } from './tracking-link.js';
import { destinationKey, destinationKeyOf, parseWebUrl } from './web-url.js';

export const MATCH_KINDS = ['link', 'sku', 'destination', 'untracked'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface LinkKeys {
  /** the link is an impact.com tracking link (or a vanity host's link of that shape) */
  tracked: boolean;
  link: number | null;
  sku: number | null;
  /** a tracking link: the destination inside `u=`; a plain link: the link itself */
  destination: number | null;
}

export interface ProductKeys {
  link: number | null;
  sku: number | null;
  destination: number | null;
}

/** cyrb53 (public domain, by bryc): two 32-bit multiply-xorshift lanes folded into 53 bits. */
export function keyHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hashOrNull = (text: string | null) => (text === null ? null : keyHash(text));
const skuText = (programId: string, itemId: string) => `${programId}\u0000${itemId}`;

/** The keys of a link found on a page. */
export function linkKeys(href: string): LinkKeys {
  const url = parseWebUrl(href);
  if (!url) return { tracked: false, link: null, sku: null, destination: null };
  const tracking = trackingLinkOf(url);
  if (!tracking) return { tracked: false, link: null, sku: null, destination: keyHash(destinationKeyOf(url)) };
  return {
    tracked: true,
    link: keyHash(tracking.key),
    sku: tracking.sku === null ? null : keyHash(skuText(tracking.programId, tracking.sku)),
    destination: hashOrNull(tracking.destination),
  };
}

/**
 * The keys of a product: its Url (impact.com's tracking link for the partner), its program and item id, and the
 * destination inside the Url (or the Url itself when a brand sends a plain link). A product without a CampaignId
 * (the GET template leaves it out) takes its program from its tracking link's last path segment.
 */
export function productKeys(product: { url?: string; campaignId?: string; catalogItemId: string }): ProductKeys {
  const tracking = product.url === undefined ? null : parseTrackingLink(product.url);
  const programId = product.campaignId ?? tracking?.programId;
  const destination = tracking ? tracking.destination : product.url === undefined ? null : destinationKey(product.url);
  return {
    link: tracking ? keyHash(tracking.key) : null,
    sku: programId === undefined ? null : keyHash(skuText(programId, product.catalogItemId)),
    destination: hashOrNull(destination),
  };
}

/** Finds products by each key (the link index's lookups); undefined when none has it. */
export interface ProductLookup<P> {
  byLink(hash: number): P | undefined;
  bySku(hash: number): P | undefined;
  byDestination(hash: number): P | undefined;
}

/**
 * The product a link leads to, in this order: the same tracking link as a product's Url (`link`); the program and
 * prodsku of a product (`sku`); the destination inside `u=` (`destination`). A plain link (no tracking link at all)
 * straight to a product's destination is `untracked`: the partner earns nothing from it.
 */
export function matchLink<P>(keys: LinkKeys, lookup: ProductLookup<P>): { product: P; match: MatchKind } | null {
  const found = (product: P | undefined, match: MatchKind) => (product === undefined ? null : { product, match });
  if (!keys.tracked)
    return keys.destination === null ? null : found(lookup.byDestination(keys.destination), 'untracked');
  return (
    (keys.link === null ? null : found(lookup.byLink(keys.link), 'link')) ??
    (keys.sku === null ? null : found(lookup.bySku(keys.sku), 'sku')) ??
    (keys.destination === null ? null : found(lookup.byDestination(keys.destination), 'destination'))
  );
}
