// A data folder as the previous version wrote it (everything in one lowdb file, store.json, format 3), built
// directly in that format: the input of the upgrade tests and the bench's baseline.

import fs from 'node:fs';
import path from 'node:path';
import { nodeFileSystem } from '../../main/engine/file-system.js';
import { JournalWriter } from '../../main/engine/journal/index.js';
import { DurableStoreFile } from '../../main/engine/upgrade/legacy/durable-file.js';
import { emptyStore, type StoreData } from '../../main/engine/upgrade/legacy/state.js';
import type { Alert, FieldChange } from '../../shared/contract/feed.js';
import type { HistoryPoint, ProductState } from '../../shared/contract/product.js';
import type { Watch } from '../../shared/contract/watch.js';

const T0 = Date.parse('2026-10-01T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** `products` products, each with a first-sight entry and history; every third also a price drop. */
export function legacyStore(products: number): StoreData {
  const data = emptyStore();
  let seq = 0;
  const watches: Watch[] = [0, 1, 2].map((i) => ({
    id: `w${i}`,
    target: { catalogId: catalogOf(i), catalogItemId: `SKU-${i}` },
    rules: [{ kind: 'price-change' }, { kind: 'price-below', value: 30 }],
    muted: i === 2,
    createdAt: iso(T0),
  }));
  data.watches = watches;
  seq += watches.length;
  for (let i = 0; i < products; i++) {
    const at = T0 + i * 1000;
    const state = productState(i, at);
    data.products[state.key] = state;
    const first: HistoryPoint = {
      at: iso(at),
      currentPrice: 50 + (i % 40),
      currency: 'USD',
      stockAvailability: 'InStock',
    };
    data.history[state.key] = [first];
    data.feed.append({
      id: String(++seq),
      at: iso(at),
      seq,
      key: state.key,
      operation: 'Insert',
      isNew: false,
      source: 'postback',
      changes: [],
      alerts: [],
      read: false,
    });
    if (i % 3 !== 0) continue;
    const later = at + 500;
    const changes: FieldChange[] = [
      { field: 'currentPrice', from: first.currentPrice ?? 0, to: state.currentPrice ?? 0 },
    ];
    const alerts: Alert[] =
      i < 3 ? [{ watchId: `w${i}`, kind: 'price-change', message: `Product ${i}: price drop` }] : [];
    data.history[state.key]?.push({
      at: iso(later),
      currentPrice: state.currentPrice,
      currency: 'USD',
      stockAvailability: state.stockAvailability,
    });
    data.feed.append({
      id: `${++seq}`,
      at: iso(later),
      seq,
      key: state.key,
      operation: 'Update',
      isNew: false,
      source: 'postback',
      changes,
      alerts,
      read: false,
    });
  }
  // The oldest third read in one go ("mark all read" then), and a few single entries after it.
  for (let index = 0; index < data.feed.length; index++) {
    if (index < data.feed.length / 3 || index % 17 === 0) data.feed.markRead(index);
  }
  data.ruleMemory = { w0: [true, false] };
  data.quarantine = [
    {
      id: '900000001',
      seq: 900_000_001,
      at: iso(T0),
      reason: 'no item id',
      raw: { method: 'POST', query: '', contentType: 'application/json', headers: {}, body: '{"artikel":"X"}' },
    },
  ];
  data.settings = {
    ...data.settings,
    mapping: { preis: 'currentPrice' },
    retention: { ...data.settings.retention, feedEntries: 1_000_000 },
  };
  data.stats = {
    received: seq,
    duplicates: 4,
    quarantined: 1,
    lastPostbackAt: iso(T0 + products * 1000),
    testPostbackAt: iso(T0),
  };
  data.appliedSeq = seq;
  return data;
}

/** The old folder on disk: store.json, and a journal holding one postback the old version had not applied yet. */
export async function writeLegacyFolder(dir: string, data: StoreData): Promise<void> {
  await new DurableStoreFile(nodeFileSystem, dir, Date.now).write(data);
  // One postback the old version journaled but had not applied yet: the new store applies it after the upgrade.
  fs.mkdirSync(path.join(dir, 'journal'), { recursive: true });
  const writer = new JournalWriter({
    fsys: nodeFileSystem,
    dir: path.join(dir, 'journal'),
    lastSeq: data.appliedSeq,
    onDurable: () => {},
    onFault: () => {},
  });
  const body = JSON.stringify({ CatalogId: '24001', CatalogItemId: 'SKU-1', CurrentPrice: '12.00' });
  await writer.append(
    { type: 'postback', raw: { method: 'POST', query: '', contentType: 'application/json', headers: {}, body } },
    Date.now(),
  );
  await writer.close();
}

export function catalogOf(i: number): string {
  return String(24_000 + (i % 7));
}

function productState(i: number, at: number): ProductState {
  const state: ProductState = {
    key: `${catalogOf(i)}:SKU-${i}`,
    catalogId: catalogOf(i),
    catalogItemId: `SKU-${i}`,
    campaignId: '4521',
    name: `Acme product ${i}`,
    url: `https://goto.example.com/c/${i}`,
    currentPrice: i % 3 === 0 ? 20 + (i % 40) : 50 + (i % 40),
    currency: 'USD',
    stockAvailability: i % 5 === 0 ? 'OutOfStock' : 'InStock',
    removed: i % 97 === 0,
    firstSeenAt: iso(at),
    updatedAt: iso(i % 3 === 0 ? at + 500 : at),
  };
  if (i % 4 !== 0) state.inventory = i % 30;
  return state;
}
