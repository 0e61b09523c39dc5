// Partner API records → what Shelfwatch keeps: catalogs, search results, and items ready to be recorded like a postback.
import type { Catalog, CatalogItem } from '../../../shared/contract/impact.js';
import { parsePrice } from '../../../shared/domain/money.js';
import { parseStock } from '../../../shared/domain/stock.js';
import type { WireCatalog, WireItem } from './wire-schema.js';

/** An item as the API reports it now: what the engine records as an observation, the way it records a postback. */
export interface ApiItem {
  /** impact.com's item Id (`product_24836_APP-0016`), for fetching it again; null when absent */
  apiId: string | null;
  catalogId: string;
  catalogItemId: string;
  campaignId: string;
  campaignName: string;
  name: string;
  manufacturer: string;
  /** the partner's tracking link */
  url: string;
  imageUrl: string;
  currentPrice: number | null;
  originalPrice: number | null;
  currency: string;
  /** as impact.com wrote it ("InStock", "OutofStock"…); '' when absent */
  stockAvailability: string;
  inventory: number | null;
  /**
   * The same values under impact.com's postback placeholder names (CatalogId, CurrentPrice, StockAvailability…), as
   * the text it sent, empty ones left out: the ingest's normalize() reads them exactly like a postback body.
   */
  postbackFields: Record<string, string>;
}

const POSTBACK_FIELDS = [
  'CatalogId',
  'CampaignId',
  'CatalogItemId',
  'Name',
  'Url',
  'ImageUrl',
  'CurrentPrice',
  'OriginalPrice',
  'Currency',
  'StockAvailability',
  'Inventory',
] as const satisfies readonly (keyof WireItem)[];

function price(value: string): number | null {
  return value === '' ? null : (parsePrice(value)?.amount ?? null);
}

function wholeNumber(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}

function isoOrNull(value: string): string | null {
  const at = Date.parse(value);
  return value === '' || Number.isNaN(at) ? null : new Date(at).toISOString();
}

export function toCatalog(wire: WireCatalog): Catalog {
  return {
    id: wire.Id,
    name: wire.Name,
    advertiserName: wire.AdvertiserName,
    campaignId: wire.CampaignId,
    campaignName: wire.CampaignName,
    numberOfItems: wholeNumber(wire.NumberOfItems),
    dateLastUpdated: isoOrNull(wire.DateLastUpdated),
    currency: wire.Currency.toUpperCase(),
  };
}

export function toApiItem(wire: WireItem): ApiItem {
  const postbackFields: Record<string, string> = {};
  for (const field of POSTBACK_FIELDS) if (wire[field] !== '') postbackFields[field] = wire[field];
  return {
    apiId: wire.Id === '' ? null : wire.Id,
    catalogId: wire.CatalogId,
    catalogItemId: wire.CatalogItemId,
    campaignId: wire.CampaignId,
    campaignName: wire.CampaignName,
    name: wire.Name,
    manufacturer: wire.Manufacturer,
    url: wire.Url,
    imageUrl: wire.ImageUrl,
    currentPrice: price(wire.CurrentPrice),
    originalPrice: price(wire.OriginalPrice),
    currency: wire.Currency.toUpperCase(),
    stockAvailability: wire.StockAvailability,
    inventory: wholeNumber(wire.Inventory),
    postbackFields,
  };
}

/** A search result; `watched` is the engine's to fill. */
export function toCatalogItem(item: ApiItem, brandName: string): CatalogItem {
  return {
    apiId: item.apiId,
    catalogId: item.catalogId,
    catalogItemId: item.catalogItemId,
    name: item.name,
    manufacturer: item.manufacturer,
    url: item.url,
    imageUrl: item.imageUrl,
    currentPrice: item.currentPrice,
    originalPrice: item.originalPrice,
    currency: item.currency,
    stockAvailability: parseStock(item.stockAvailability) ?? null,
    brandName,
    watched: false,
  };
}

/** Records without their identity cannot be watched or matched: they are dropped from lists, not fatal to a page. */
export function hasItemIdentity(wire: WireItem): boolean {
  return wire.CatalogId !== '' && wire.CatalogItemId !== '';
}
