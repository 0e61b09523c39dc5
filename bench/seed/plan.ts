// What a seeded large store holds, decided from the product count alone, so every part of the seeder (the database,
// the journal, the naive baseline's file, the product-page keys) agrees without passing rows around.
//
// The store's past: every product was first seen, then changed a few times; those postbacks are older than the
// journal keeps. Its recent days: the feed's entries, each a price change of one product (a spread of products,
// plus the watched ones, which change more often), whose postbacks the journal still holds.

/** Total history points are capped here: 10 a product up to 1,000,000 products, fewer a product above. */
export const HISTORY_POINTS_CAP = 10_000_000;
export const HISTORY_PER_PRODUCT_MAX = 10;
/** Products with a full history (the retention's 200 points): the watched ones, and the product-page sample. */
export const FULL_HISTORY = 200;
/** one product in this many is watched, up to WATCHES_MAX item watches (a heavy user's watchlist) */
export const WATCH_EVERY = 100;
export const WATCHES_MAX = 1_000;
/** one feed entry in this many is a change of a watched product */
export const WATCHED_CHANGE_EVERY = 100;
const DAY_MS = 86_400_000;

export interface SeedPlan {
  products: number;
  historyPerProduct: number;
  feedEntries: number;
  watches: number;
  /** watch w is on a product in [w * watchStride, (w + 1) * watchStride): see watchedProduct */
  watchStride: number;
  /** feed entry i changes product (i * feedStride) mod products, unless it is a watched product's change */
  feedStride: number;
  /** journal records written after the store's last applied one: start-up replays them, as after a crash */
  unappliedTail: number;
  /** the past's times run from pastFrom to recentFrom, the feed's from recentFrom to now */
  pastFromMs: number;
  recentFromMs: number;
  nowMs: number;
}

export function planSeed(products: number, feedEntries: number, now = Date.now()): SeedPlan {
  const watches = Math.min(WATCHES_MAX, Math.max(1, Math.ceil(products / WATCH_EVERY)));
  return {
    products,
    historyPerProduct: Math.max(1, Math.min(HISTORY_PER_PRODUCT_MAX, Math.floor(HISTORY_POINTS_CAP / products))),
    feedEntries,
    watches,
    watchStride: Math.max(1, Math.floor(products / watches)),
    feedStride: strideFor(products),
    unappliedTail: Math.min(100, Math.ceil(feedEntries / 100)),
    pastFromMs: now - 180 * DAY_MS,
    recentFromMs: now - 6 * DAY_MS,
    nowMs: now,
  };
}

export function seedItemId(n: number): string {
  return `seed-${String(n).padStart(7, '0')}`;
}

/** The product watch w is on: one per stride, at a varying offset so watched names vary like any others. */
export function watchedProduct(plan: SeedPlan, w: number): number {
  return w * plan.watchStride + ((w * 7_919) % plan.watchStride);
}

export function isWatched(plan: SeedPlan, n: number): boolean {
  const w = Math.floor(n / plan.watchStride);
  return w < plan.watches && watchedProduct(plan, w) === n;
}

/** History points product n ends up with (past and recent together). */
export function historyOf(plan: SeedPlan, n: number): number {
  return isWatched(plan, n) ? FULL_HISTORY : plan.historyPerProduct;
}

/** The product feed entry i (0 = oldest) changes; entries past feedEntries are the unapplied journal tail. */
export function feedProduct(plan: SeedPlan, i: number): number {
  if (i % WATCHED_CHANGE_EVERY === 0) return watchedProduct(plan, Math.floor(i / WATCHED_CHANGE_EVERY) % plan.watches);
  return (i * plan.feedStride) % plan.products;
}

/** A product's price at its k-th state: every step changes it (1 % off more each time, back to full every 20). */
export function seedPrice(base: number, k: number): number {
  return Math.round(base * (100 - (k % 20))) / 100;
}

/** A large prime that does not divide the product count, so consecutive feed entries hit far-apart products. */
function strideFor(products: number): number {
  for (const prime of [7_919, 7_927, 7_933, 7_937]) if (products % prime !== 0) return prime % products || 1;
  return 1;
}
