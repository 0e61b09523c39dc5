// The partner's own pages (issue 18) as the UI API offers them: sites (a sitemap, a feed or single pages), the pages
// read from them with the products their links lead to, and the scan's progress. Output shapes are plain objects
// (a field added later is dropped by an older reader); requests are strict.
import { z } from 'zod';
import { ATTENTION_REASONS, PAGE_MATCHES, SITE_KINDS } from './enums.js';

export const MAX_PAGE_URL = 2_000;

export const scanSummarySchema = z.object({
  at: z.string(),
  pages: z.number(),
  links: z.number(),
  matched: z.number(),
  errors: z.number(),
});

export const siteSchema = z.object({
  id: z.string(),
  url: z.string(),
  kind: z.enum(SITE_KINDS),
  /** pages read from it now in the index */
  pages: z.number(),
  lastScan: scanSummarySchema.nullable(),
});

export const pageScanStatusSchema = z.object({
  running: z.boolean(),
  done: z.number(),
  total: z.number(),
  links: z.number(),
  matched: z.number(),
  errors: z.number(),
  lastFinishedAt: z.string().nullable(),
  nextAt: z.string().nullable(),
});

/** A page as other views name it: its address (after redirects) and title. */
export const pageRefSchema = z.object({ url: z.string(), title: z.string() });

/** The pages that link to one product: how many, and the first few (at most 5). */
export const linkedPagesSchema = z.object({ count: z.number(), items: z.array(pageRefSchema) });

export const pageAttentionSchema = z.object({ productKey: z.string(), reason: z.enum(ATTENTION_REASONS) });

export const pageItemSchema = z.object({
  url: z.string(),
  title: z.string(),
  scannedAt: z.string().nullable(),
  /** the HTTP status of the last read; 0 when it got no answer */
  status: z.number(),
  links: z.number(),
  matched: z.number(),
  attention: z.array(pageAttentionSchema),
  /** detail=1 only: why the last read failed */
  problem: z.string().nullable().optional(),
});

export const pageLinkSchema = z.object({
  href: z.string(),
  text: z.string(),
  productKey: z.string().nullable(),
  match: z.enum(PAGE_MATCHES).nullable(),
  /** detail=1 only: the product's price when the page was read */
  priceWhenScanned: z.number().nullable().optional(),
});

/** detail=1 only: what the Pages view shows of each product a listed page or link leads to. */
export const pageProductSchema = z.object({
  key: z.string(),
  name: z.string().optional(),
  stockAvailability: z.string(),
  removed: z.boolean(),
  currentPrice: z.number().optional(),
  currency: z.string().optional(),
});

const detailFlag = z.enum(['0', '1']).optional();
const webAddress = z
  .string()
  .trim()
  .max(MAX_PAGE_URL, { error: `must be at most ${MAX_PAGE_URL} characters` })
  .refine((text) => URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol), {
    error: 'must be a web address starting with http:// or https://',
  });

export const addSiteSchema = z.strictObject({ url: webAddress });
export const siteIdSchema = z.string().min(1).max(64);

export const pagesQuerySchema = z.strictObject({
  /** "1": only pages that need attention */
  attention: detailFlag,
  q: z.string().max(200).optional(),
  /** the `next` of the previous page */
  cursor: z.string().max(40).optional(),
  limit: z
    .preprocess(
      (value) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value),
      z.int().min(1).max(200),
    )
    .optional(),
  /** "1": each page's problem, and the products its attention names (the Pages view) */
  detail: detailFlag,
});

export const pageLinksQuerySchema = z.strictObject({
  url: z.string().min(1).max(MAX_PAGE_URL),
  /** "1": the price each product had when the page was read, and the products */
  detail: detailFlag,
});

export type { AttentionReason, PageMatch, SiteKind } from './enums.js';
export type ScanSummary = z.infer<typeof scanSummarySchema>;
export type Site = z.infer<typeof siteSchema>;
export type PageScanStatus = z.infer<typeof pageScanStatusSchema>;
export type PageRef = z.infer<typeof pageRefSchema>;
export type LinkedPages = z.infer<typeof linkedPagesSchema>;
export type PageAttention = z.infer<typeof pageAttentionSchema>;
export type PageItem = z.infer<typeof pageItemSchema>;
export type PageLinkItem = z.infer<typeof pageLinkSchema>;
export type PageProduct = z.infer<typeof pageProductSchema>;
export type PagesQuery = z.infer<typeof pagesQuerySchema>;
export type PageLinksQuery = z.infer<typeof pageLinksQuerySchema>;

/** GET /api/sites */
export const sitesListSchema = z.object({ items: z.array(siteSchema) });

const pageProductsSchema = z.record(z.string(), pageProductSchema);

/** GET /api/pages: a page of pages, attention first; `next` is the cursor of the following one */
export const pagesPageSchema = z.object({
  items: z.array(pageItemSchema),
  next: z.string().nullable(),
  /** detail=1 only */
  products: pageProductsSchema.optional(),
});

/** GET /api/pages/links */
export const pageLinksPageSchema = z.object({
  items: z.array(pageLinkSchema),
  /** detail=1 only */
  products: pageProductsSchema.optional(),
});

export type PagesPage = z.infer<typeof pagesPageSchema>;
export type PageLinksPage = z.infer<typeof pageLinksPageSchema>;
