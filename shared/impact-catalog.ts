// What impact.com's Partner API tells us about catalogs and their items, in the shapes the UI API answers with
// (issue 12: GET /api/catalogs, GET /api/catalog-search).
import type { StockAvailability } from './model.js';

/** One brand's product catalog. */
export interface Catalog {
  id: string;
  name: string;
  /** the brand, as people know it ("Acme Outdoor") */
  advertiserName: string;
  campaignId: string;
  campaignName: string;
  /** null when impact.com left it empty */
  numberOfItems: number | null;
  /** ISO 8601 in UTC; changes whenever the brand changes the catalog. null when missing or unreadable */
  dateLastUpdated: string | null;
  currency: string;
}

/** One search result. Text fields are '' when impact.com sent nothing. */
export interface CatalogItem {
  /** impact.com's own item Id (`product_24836_APP-0016`), the cheapest way to fetch it again; null when absent */
  apiId: string | null;
  catalogId: string;
  catalogItemId: string;
  name: string;
  manufacturer: string;
  /** the partner's tracking link */
  url: string;
  imageUrl: string;
  currentPrice: number | null;
  originalPrice: number | null;
  currency: string;
  /** null when impact.com sent no availability */
  stockAvailability: StockAvailability | null;
  /** the catalog's AdvertiserName; the item's CampaignName when the catalog is not known */
  brandName: string;
  /** whether a watch covers this item: filled by the engine */
  watched: boolean;
}
