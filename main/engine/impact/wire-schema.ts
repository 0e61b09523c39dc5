// The Partner API's answers as they arrive (JSON, or XML read into the same shape). Tolerant on purpose: every
// scalar is text (impact.com sends "512", not 512; a number or null is read as text too), empty values are "",
// lists may be absent, and keys we do not use pass through unchecked.
import { z } from 'zod';

const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null ? '' : String(value).trim()));

/** An absent list, or the empty element `<Items/>` (read as ""), is an empty list. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || value === null || value === '' ? [] : value), z.array(item));
}

const paging = {
  '@page': text,
  '@pagesize': text,
  '@total': text,
  '@nextpageuri': text,
};

export const wireCatalogSchema = z.looseObject({
  Id: text,
  Name: text,
  AdvertiserId: text,
  AdvertiserName: text,
  CampaignId: text,
  CampaignName: text,
  NumberOfItems: text,
  DateLastUpdated: text,
  Currency: text,
});
export type WireCatalog = z.infer<typeof wireCatalogSchema>;

export const wireItemSchema = z.looseObject({
  Id: text,
  CatalogId: text,
  CampaignId: text,
  CampaignName: text,
  CatalogItemId: text,
  Name: text,
  Manufacturer: text,
  Url: text,
  ImageUrl: text,
  CurrentPrice: text,
  OriginalPrice: text,
  Currency: text,
  StockAvailability: text,
  Inventory: text,
});
export type WireItem = z.infer<typeof wireItemSchema>;

export const catalogPageSchema = z.looseObject({ ...paging, Catalogs: listOf(wireCatalogSchema) });
export const itemPageSchema = z.looseObject({ ...paging, Items: listOf(wireItemSchema) });

/** `{"Status":"ERROR","Message":"…","Errors":[{"Field":"…","Message":"…"}]}`, or the same in XML. */
export const errorBodySchema = z.looseObject({
  Status: text,
  Message: text,
  Errors: listOf(z.looseObject({ Field: text, Message: text })),
});

/** A single resource: JSON answers it bare; XML may wrap it in its element (`<Item>…</Item>`). */
export function unwrapSingle(body: Record<string, unknown>, element: 'Catalog' | 'Item'): unknown {
  const wrapped = body[element];
  const isWrapper = body.Id === undefined && typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped);
  return isWrapper ? wrapped : body;
}
