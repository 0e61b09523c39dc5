// The materialized view of the journal that lowdb keeps on disk.

import type { HistoryPoint, ProductState } from '../../../../shared/contract/product.js';
import type { QuarantineEntry } from '../../../../shared/contract/quarantine.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings.js';
import type { Watch } from '../../../../shared/contract/watch.js';
import type { ReceiverStats } from '../../store/db/meta.js';
import { FeedLog } from './feed-log.js';

export interface StoreData {
  version: 1;
  /** every journal record up to this sequence number is reflected here */
  appliedSeq: number;
  products: Record<string, ProductState>;
  history: Record<string, HistoryPoint[]>;
  /** oldest first */
  feed: FeedLog;
  watches: Watch[];
  /** per watch id: whether each rule's condition held at its last evaluation (edge-triggered rules) */
  ruleMemory: Record<string, (boolean | null)[]>;
  settings: Settings;
  quarantine: QuarantineEntry[];
  stats: ReceiverStats;
  /** fingerprints of recent postbacks → receive time (ms), to recognise repeated deliveries */
  recentDeliveries: Map<string, number>;
}

export function emptyStore(): StoreData {
  return {
    version: 1,
    appliedSeq: 0,
    products: {},
    history: {},
    feed: new FeedLog(),
    watches: [],
    ruleMemory: {},
    settings: structuredClone(DEFAULT_SETTINGS),
    quarantine: [],
    stats: { received: 0, duplicates: 0, quarantined: 0, lastPostbackAt: null, testPostbackAt: null },
    recentDeliveries: new Map(),
  };
}

/** A loose shape check: enough to tell a store file from garbage or another program's JSON. */
export function looksLikeStore(value: unknown): value is StoreData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<StoreData>;
  return (
    data.version === 1 &&
    Number.isSafeInteger(data.appliedSeq) &&
    isRecord(data.products) &&
    isRecord(data.history) &&
    data.feed instanceof FeedLog &&
    Array.isArray(data.watches) &&
    isRecord(data.ruleMemory) &&
    isRecord(data.settings) &&
    Array.isArray(data.quarantine) &&
    isRecord(data.stats) &&
    data.recentDeliveries instanceof Map
  );
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
