// Realistic data shaped like what the engine answers.

import type { BackupInfo, BackupList } from '../../shared/contract/backups.js';
import type { Channel } from '../../shared/contract/channel.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import { type Catalog, type CatalogItem, IDLE_RECONCILE, type ReconcileStatus } from '../../shared/contract/impact.js';
import type { ProductState } from '../../shared/contract/product.js';
import type { QuarantineEntry } from '../../shared/contract/quarantine.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract/settings.js';
import type { Setup } from '../../shared/contract/setup.js';
import type { Status } from '../../shared/contract/status.js';
import type { Watch } from '../../shared/contract/watch.js';

export const NOW = Date.now();
export const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

export function makeProduct(overrides: Partial<ProductState> = {}): ProductState {
  const catalogId = overrides.catalogId ?? '7001';
  const catalogItemId = overrides.catalogItemId ?? 'ABC-123456';
  return {
    key: `${catalogId}:${catalogItemId}`,
    catalogId,
    catalogItemId,
    campaignId: '12345',
    name: 'Trail Runner 2 Shoe',
    url: 'https://goto.example.com/c/1/2/3?u=trail-runner',
    imageUrl: 'https://img.example.com/trail-runner.jpg',
    currentPrice: 34.99,
    originalPrice: 49.99,
    currency: 'USD',
    stockAvailability: 'InStock',
    inventory: 12,
    removed: false,
    firstSeenAt: minutesAgo(600),
    updatedAt: minutesAgo(2),
    ...overrides,
  };
}

let nextSeq = 1;
export function makeEntry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  const product = overrides.product ?? makeProduct();
  const seq = overrides.seq ?? nextSeq++;
  return {
    id: `e${seq}`,
    at: minutesAgo(2),
    seq,
    key: product.key,
    product,
    operation: 'Update',
    isNew: false,
    source: 'postback',
    changes: [{ field: 'currentPrice', from: 39.99, to: 34.99 }],
    alerts: [],
    read: false,
    ...overrides,
  };
}

/** `count` entries, newest first, with distinct products so search has something to find. */
export function makeFeed(count: number): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (let i = count; i >= 1; i--) {
    const product = makeProduct({ catalogItemId: `SKU-${i}`, name: `Product ${i}` });
    entries.push(makeEntry({ id: `e${i}`, seq: i, product, at: new Date(NOW - (count - i) * 1000).toISOString() }));
  }
  return entries;
}

export function makeStatus(overrides: Partial<Status['receiver']> = {}, rest: Partial<Status> = {}): Status {
  return {
    receiver: {
      url: 'http://127.0.0.1:8787/postback/s3cr3t',
      port: 8787,
      lastPostbackAt: minutesAgo(2),
      received: 42,
      duplicates: 0,
      quarantined: 1,
      testPostbackAt: minutesAgo(60),
      fault: null,
      ...overrides,
    },
    journal: { appliedSeq: 42 },
    unread: 3,
    alertsPausedUntil: null,
    notices: [],
    ...rest,
  };
}

export function makeSetup(overrides: Partial<Setup> = {}): Setup {
  return {
    postbackUrl: 'http://127.0.0.1:8787/postback/s3cr3t',
    receiverHost: '127.0.0.1',
    receiverPort: 8787,
    headerName: '',
    headerValue: '',
    templates: {
      jsonPost:
        '{"change":"{Operation}","catalog_id":"{CatalogId}","item_id":"{CatalogItemId}","price":"{CurrentPrice}"}',
      getUrl: 'http://127.0.0.1:8787/postback/s3cr3t?item={CatalogItemId}&catalog={CatalogId}&price={CurrentPrice}',
    },
    overrides: [],
    successResponse: 'OK',
    ...overrides,
  };
}

export function makeWatch(overrides: Partial<Watch> = {}): Watch {
  return {
    id: 'w1',
    target: { catalogId: '7001', catalogItemId: 'ABC-123456' },
    rules: [{ kind: 'price-below', value: 30 }, { kind: 'back-in-stock' }],
    muted: false,
    createdAt: minutesAgo(300),
    ...overrides,
  };
}

export function makeQuarantine(overrides: Partial<QuarantineEntry> = {}): QuarantineEntry {
  return {
    id: 'q1',
    seq: 40,
    at: minutesAgo(30),
    reason: 'No item id: no key maps to catalogItemId',
    raw: {
      method: 'POST',
      query: '',
      contentType: 'application/json',
      headers: { 'content-type': 'application/json' },
      body: '{"artikel":"X-1","katalog":"7001","preis":"19.99"}',
    },
    ...overrides,
  };
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS, ...overrides });
}

/** A brand's catalog as GET /api/catalogs answers it. */
export function makeCatalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    id: '24836',
    name: 'Tents & Shelters',
    advertiserName: 'Acme Outdoor',
    campaignId: '4521',
    campaignName: 'Acme Outdoor US',
    numberOfItems: 512,
    dateLastUpdated: minutesAgo(90),
    currency: 'USD',
    ...overrides,
  };
}

/** A catalog search result of the catalog above. */
export function makeCatalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  const catalogItemId = overrides.catalogItemId ?? 'TENT-2P';
  return {
    apiId: `product_24836_${catalogItemId}`,
    catalogId: '24836',
    catalogItemId,
    name: 'Trail Tent 2P',
    manufacturer: 'Acme Outdoor',
    url: `https://acme.pxf.io/c/1/2/4521?prodsku=${catalogItemId}`,
    imageUrl: `https://img.example.com/${catalogItemId}.jpg`,
    currentPrice: 249,
    originalPrice: 299,
    currency: 'USD',
    stockAvailability: 'InStock',
    brandName: 'Acme Outdoor',
    watched: false,
    ...overrides,
  };
}

/** The catch-up check before it ever ran. */
export function idleReconcile(overrides: Partial<ReconcileStatus> = {}): ReconcileStatus {
  return { ...IDLE_RECONCILE, ...overrides };
}

export function makeChannel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'c1',
    name: 'Team Slack',
    kind: 'slack',
    target: 'slack://T012…/B045…/••••',
    filter: {},
    digestSeconds: 60,
    enabled: true,
    createdAt: '2026-06-01T09:00:00.000Z',
    status: { pending: 0, failed: 0, lastSentAt: null, lastError: null, lastErrorAt: null },
    ...overrides,
  };
}

export function makeBackup(overrides: Partial<BackupInfo> = {}): BackupInfo {
  return {
    id: '2024-12-03T14-00-00-000Z-daily',
    at: minutesAgo(90),
    reason: 'daily',
    bytes: 124_000_000,
    products: 100_000,
    verified: true,
    ...overrides,
  };
}

export function makeBackupList(overrides: Partial<BackupList> = {}): BackupList {
  return {
    folder: '/home/ada/.config/Shelfwatch/backups',
    backups: [makeBackup()],
    running: false,
    nextAt: new Date(NOW + 22 * 3_600_000).toISOString(),
    lastError: null,
    ...overrides,
  };
}
