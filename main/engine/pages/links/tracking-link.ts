// impact.com tracking links: https://<host>/c/<partnerId>/<adId>/<programId>?… on impact.com's own tracking domains
// or on a brand's vanity host (goto.<brand>.com and the like). A vanity host can be any name, so the path's shape
// is what makes a link a tracking link; the host only says whose domain it is.
import { canonicalQuery, destinationKey, parseWebUrl } from './web-url.js';

/** impact.com's shared tracking domains (a brand's links use a sub-domain: acme.pxf.io, goto.acme.7eer.net). */
export const IMPACT_TRACKING_DOMAINS = [
  'pxf.io',
  'sjv.io',
  '7eer.net',
  'evyy.net',
  'ojrq.net',
  'eqjw.net',
  'audw.net',
  'pvxt.net',
  'snlv.net',
] as const;

const TRACKING_PATH = /^\/c\/(\d{1,12})\/(\d{1,12})\/(\d{1,12})\/?$/;

export interface TrackingLink {
  /** the host, lower case: an impact.com tracking domain or the brand's vanity host */
  host: string;
  onImpactDomain: boolean;
  partnerId: string;
  adId: string;
  /** the brand's program (impact.com's CampaignId) */
  programId: string;
  /** `prodsku`: the item (CatalogItemId) the link is for, when it names one */
  sku: string | null;
  /** the landing page inside `u=`, as destinationKey compares it */
  destination: string | null;
  /** the link itself, as compared: host, ids, and its parameters without click parameters, sorted */
  key: string;
}

export function isImpactTrackingDomain(host: string): boolean {
  const name = host.toLowerCase();
  return IMPACT_TRACKING_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** The tracking link's parts, or null when `href` is not an http(s) link of that shape. */
export function parseTrackingLink(href: string): TrackingLink | null {
  const url = parseWebUrl(href);
  return url ? trackingLinkOf(url) : null;
}

/** The same, for an address already parsed. */
export function trackingLinkOf(url: URL): TrackingLink | null {
  if (!url.pathname.startsWith('/c/')) return null;
  const ids = TRACKING_PATH.exec(url.pathname);
  if (!ids) return null;
  const [, partnerId = '', adId = '', programId = ''] = ids;
  let sku: string | null = null;
  let destination: string | null = null;
  const query = canonicalQuery(url.searchParams, (name, value) => {
    const lower = name.toLowerCase();
    if (lower === 'prodsku') sku = value.trim() || null;
    if (lower !== 'u') return value;
    destination = destinationKey(value);
    return destination ?? value;
  });
  const host = url.host.toLowerCase();
  return {
    host,
    onImpactDomain: isImpactTrackingDomain(url.hostname),
    partnerId,
    adId,
    programId,
    sku,
    destination,
    key: `${host}/c/${partnerId}/${adId}/${programId}${query ? `?${query}` : ''}`,
  };
}
