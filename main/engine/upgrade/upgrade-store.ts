// Upgrades a data folder written by the previous version (everything in one lowdb file, store.json) in place: the
// settings and watches move to documents.json, products, history, the feed and the rest into the database. It runs
// in pieces after the engine opened, so the UI can show progress while the receiver keeps acknowledging postbacks
// (they wait in the journal and are applied once the upgrade is done). The old file is retired (renamed) only once
// the new store is durable; until then the database carries the "upgrading" mark, and a start that finds the mark,
// or the old file still in place, does the upgrade again from the beginning (store/open-store.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { HistoryPoint, ProductState } from '../../../shared/contract/product.js';
import { itemKeyOf, productKey } from '../../../shared/domain/watch-target.js';
import { type FileSystem, syncDirectory } from '../file-system.js';
import { feedPos } from '../store/db/schema.js';
import type { Store } from '../store/store.js';
import { DurableStoreFile } from './legacy/durable-file.js';
import type { StoreData } from './legacy/state.js';

export const LEGACY_FILES = ['store.json', 'store.prev.json'];
/** What the upgraded old file is renamed to: kept until the user deletes it. */
export const LEGACY_BACKUP = 'store.v1.json.bak';
const PIECE = 2_000;

export interface UpgradeProgress {
  done: number;
  total: number;
}

export function hasLegacyStore(dataDir: string): boolean {
  return LEGACY_FILES.some((name) => fs.existsSync(path.join(dataDir, name)));
}

/**
 * An upgrade cut off after the old file was retired but before the database lost its "upgrading" mark starts over
 * from the retired file: it is put back first. False when there is none (the mark then means nothing to redo).
 */
export async function unretireLegacyStore(fsys: FileSystem, dataDir: string): Promise<boolean> {
  if (hasLegacyStore(dataDir)) return true;
  const retired = path.join(dataDir, LEGACY_BACKUP);
  if (!fs.existsSync(retired)) return false;
  await fsys.rename(retired, path.join(dataDir, LEGACY_FILES[0] as string));
  await syncDirectory(fsys, dataDir);
  return true;
}

export async function readLegacyStore(fsys: FileSystem, dataDir: string, clock: () => number) {
  const file = new DurableStoreFile(fsys, dataDir, clock);
  const data = await file.read();
  return { data, movedAside: file.lastLoad.movedAside };
}

/** Copies the old store into the new one, yielding between pieces; `onProgress` counts products and entries. */
export async function upgradeStore(
  store: Store,
  legacy: StoreData,
  onProgress: (progress: UpgradeProgress) => void,
): Promise<void> {
  const products = Object.values(legacy.products);
  const progress = { done: 0, total: products.length + legacy.feed.length };
  onProgress(progress);
  store.docs.settings = legacy.settings;
  store.docs.watches = legacy.watches;
  store.docs.appliedSeq = legacy.appliedSeq;
  store.documentsChanged();
  const ids = new Map<string, number>();
  for (let start = 0; start < products.length; start += PIECE) {
    store.commit(() => {
      for (const product of products.slice(start, start + PIECE)) {
        const id = store.products.save(product, undefined);
        ids.set(product.key, id);
        copyHistory(store, id, legacy.history[product.key] ?? []);
      }
    });
    progress.done += Math.min(PIECE, products.length - start);
    onProgress(progress);
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (let start = 0; start < legacy.feed.length; start += PIECE) {
    store.commit(() => copyFeed(store, legacy, ids, start, Math.min(legacy.feed.length, start + PIECE)));
    progress.done += Math.min(PIECE, legacy.feed.length - start);
    onProgress(progress);
    await new Promise((resolve) => setImmediate(resolve));
  }
  store.commit(() => {
    copyRest(store, legacy, ids);
    store.counters.applied(legacy.appliedSeq);
  });
  store.readState.forgetCounts();
}

function copyHistory(store: Store, id: number, points: HistoryPoint[]): void {
  // Old points had no feed position; their index keeps them in order and below any new position.
  if (points.length > 0) store.products.importHistory(id, points);
}

function copyFeed(store: Store, legacy: StoreData, ids: Map<string, number>, from: number, to: number): void {
  let readThrough = store.readState.through('local');
  let prefixRead = readThrough === legacyPos(legacy, from - 1);
  const marks: number[] = [];
  for (let index = from; index < to; index++) {
    const entry = legacy.feed.entry(index);
    const productId = ids.get(entry.key) ?? ghostFor(store, entry.key, entry.at, ids);
    // The old engine made an entry without changes only for a first sighting.
    const isNew = entry.changes.length === 0 && entry.operation !== 'Delete';
    store.feed.append({ ...entry, isNew }, productId);
    const pos = legacyPos(legacy, index);
    if (entry.read && prefixRead) readThrough = pos;
    else if (entry.read) marks.push(pos);
    else prefixRead = false;
  }
  if (readThrough > 0) store.readState.markAllRead('local', readThrough);
  store.readState.markRead('local', marks);
}

function legacyPos(legacy: StoreData, index: number): number {
  if (index < 0) return 0;
  const [seq, sub] = legacy.feed.entry(index).id.split('.');
  return feedPos(Number(seq), Number(sub ?? 0));
}

/** A feed entry whose product the old store no longer had (it cannot happen, but nothing may be dropped). */
function ghostFor(store: Store, key: string, at: string, ids: Map<string, number>): number {
  const [catalogId = '', catalogItemId = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const state: ProductState = {
    key: productKey(catalogId, catalogItemId),
    catalogId,
    catalogItemId,
    stockAvailability: 'Unknown',
    removed: true,
    firstSeenAt: at,
    updatedAt: at,
  };
  const id = store.products.saveGhost(state);
  ids.set(key, id);
  return id;
}

function copyRest(store: Store, legacy: StoreData, ids: Map<string, number>): void {
  for (const watch of legacy.watches) {
    const memory = legacy.ruleMemory[watch.id];
    const key = itemKeyOf(watch.target); // the previous version had item watches only
    const productId = key === null ? undefined : ids.get(key);
    if (memory && productId !== undefined) store.ruleMemory.set(watch.id, productId, memory);
  }
  for (const item of legacy.quarantine) store.quarantine.add(item);
  store.counters.carriedOver({ ...legacy.stats, quarantined: store.quarantine.count() });
}

/** Once the new store is durable: the old file is kept under another name, its previous generation removed. */
export async function retireLegacyFiles(fsys: FileSystem, dataDir: string): Promise<void> {
  const [current, previous] = LEGACY_FILES.map((name) => path.join(dataDir, name)) as [string, string];
  if (fs.existsSync(current)) await fsys.rename(current, path.join(dataDir, LEGACY_BACKUP));
  else if (fs.existsSync(previous)) await fsys.rename(previous, path.join(dataDir, LEGACY_BACKUP));
  await fsys.unlink(previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await syncDirectory(fsys, dataDir);
}
