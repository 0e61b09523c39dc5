// One alert as a channel message carries it: made when the alert is raised (in the transaction that raises it) and
// stored with the outgoing message, so the message reads the same whenever it goes out, even after the product
// changed again or the feed entry was trimmed.

import type { RuleKind, StockAvailability } from '../../../../shared/contract/enums.js';
import type { Alert, FeedEntry } from '../../../../shared/contract/feed.js';
import type { Watch } from '../../../../shared/contract/watch.js';
import { describeEntry } from '../../../../shared/domain/describe.js';
import { formatPrice } from '../../../../shared/domain/money.js';
import { onYourPagesText } from '../../../../shared/domain/pages-text.js';
import { describeRule } from '../../../../shared/domain/rule-words.js';
import { STOCK_LABELS } from '../../../../shared/domain/stock.js';
import { isWebUrl } from '../../../../shared/domain/web-url.js';

export interface AlertItem {
  /** the feed entry that raised it */
  entryId: string;
  /** when the change arrived (ISO) */
  at: string;
  /** "<catalogId>:<catalogItemId>" */
  key: string;
  catalogId: string;
  catalogItemId: string;
  campaignId?: string;
  /** the product's name, or its item id when the brand never sent one */
  name: string;
  brand?: string;
  /** the tracking link (a plain web link only) */
  url?: string;
  imageUrl?: string;
  watchId: string;
  rule: RuleKind;
  /** "Price drops ≥ 10%" */
  ruleText: string;
  /** the alert in one sentence: "Acme Toaster: $39.99 → $34.99 (−12.5%)" */
  message: string;
  /** what changed: "$39.99 → $34.99 (−12.5%), In stock → Out of stock" */
  change: string;
  currentPrice?: number;
  currency?: string;
  /** "$34.99" */
  price?: string;
  stockAvailability: StockAvailability;
  /** "In stock" */
  stock: string;
  /** the partner's pages that link to the product when the alert was raised: "on 2 of your pages: Best tents 2026, …" */
  pages?: string;
}

export function alertItem(entry: FeedEntry, alert: Alert, watch: Watch | undefined): AlertItem {
  const { product } = entry;
  const rule = watch?.rules.find((candidate) => candidate.kind === alert.kind) ?? { kind: alert.kind };
  const item: AlertItem = {
    entryId: entry.id,
    at: entry.at,
    key: entry.key,
    catalogId: product.catalogId,
    catalogItemId: product.catalogItemId,
    name: product.name || product.catalogItemId,
    watchId: alert.watchId,
    rule: alert.kind,
    ruleText: describeRule(rule, product.currency),
    message: alert.message,
    change: describeEntry(entry),
    stockAvailability: product.stockAvailability,
    stock: STOCK_LABELS[product.stockAvailability],
  };
  if (product.campaignId) item.campaignId = product.campaignId;
  const brand = product.brandName || product.catalogName;
  if (brand) item.brand = brand;
  if (isWebUrl(product.url)) item.url = product.url;
  if (isWebUrl(product.imageUrl)) item.imageUrl = product.imageUrl;
  if (product.currentPrice !== undefined) {
    item.currentPrice = product.currentPrice;
    item.price = formatPrice(product.currentPrice, product.currency);
  }
  if (product.currency) item.currency = product.currency;
  const pages = onYourPagesText(entry.pages);
  if (pages) item.pages = pages;
  return item;
}
