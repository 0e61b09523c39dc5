// The feed, held as columns instead of one object per entry: 200,000 entries as objects cost ~170 MB of heap and
// most of the start-up parse; as columns of numbers plus one short JSON string each they cost a tenth of that.
// Entries are appended in journal order, so `seq` never decreases and an id is found by binary search.
import type { Operation } from '../../../../shared/contract/enums.js';
import type { Alert, FieldChange } from '../../../../shared/contract/feed.js';
import type { StoredFeedEntry } from '../../store/feed-entry.js';

const OPERATIONS: Operation[] = ['Insert', 'Update', 'Delete'];
const READ = 1;
const HAS_ALERTS = 2;
const IS_NEW = 4;
const FROM_API = 8;

/** The feed as it is written to the store file. */
export interface FeedColumns {
  keys: string[];
  seq: number[];
  /** position among the entries one journal record made (re-processing the quarantine makes several) */
  sub: number[];
  at: number[];
  key: number[];
  operation: number[];
  flags: number[];
  /** JSON of [changes, alerts] */
  detail: string[];
}

export class FeedLog {
  private keys: string[] = [];
  private keyIds = new Map<string, number>();
  private seq: number[] = [];
  private sub: number[] = [];
  private at: number[] = [];
  private key: number[] = [];
  private operation: number[] = [];
  private flags: number[] = [];
  private detail: string[] = [];
  /** per key id: how many entries, and how many with alerts (so filtered totals need no scan) */
  private perKey: number[] = [];
  private alertsPerKey: number[] = [];
  alertTotal = 0;

  get length(): number {
    return this.seq.length;
  }

  append(entry: StoredFeedEntry): void {
    this.seq.push(entry.seq);
    this.sub.push(subOf(entry.id));
    this.at.push(Date.parse(entry.at));
    const keyId = this.keyId(entry.key);
    this.key.push(keyId);
    this.count(keyId, entry.alerts.length > 0, 1);
    this.operation.push(OPERATIONS.indexOf(entry.operation));
    this.flags.push(
      (entry.read ? READ : 0) |
        (entry.alerts.length > 0 ? HAS_ALERTS : 0) |
        (entry.isNew ? IS_NEW : 0) |
        (entry.source === 'api' ? FROM_API : 0),
    );
    this.detail.push(JSON.stringify([entry.changes, entry.alerts]));
  }

  /** The entry at a position (0 = oldest), built on demand. */
  entry(index: number): StoredFeedEntry {
    const [changes, alerts] = JSON.parse(this.detail[index] as string) as [FieldChange[], Alert[]];
    const seq = this.seq[index] as number;
    const sub = this.sub[index] as number;
    return {
      id: sub === 0 ? String(seq) : `${seq}.${sub}`,
      at: new Date(this.at[index] as number).toISOString(),
      seq,
      key: this.keyAt(index),
      operation: OPERATIONS[this.operation[index] as number] as Operation,
      isNew: ((this.flags[index] as number) & IS_NEW) !== 0,
      source: ((this.flags[index] as number) & FROM_API) !== 0 ? 'api' : 'postback',
      changes,
      alerts,
      read: this.isRead(index),
    };
  }

  keyAt(index: number): string {
    return this.keys[this.key[index] as number] as string;
  }

  keyIdAt(index: number): number {
    return this.key[index] as number;
  }

  /** Every product key the feed mentions; a key's position is its key id. */
  get keyTable(): readonly string[] {
    return this.keys;
  }

  keyIdOf(key: string): number | undefined {
    return this.keyIds.get(key);
  }

  entriesFor(keyId: number, alertsOnly: boolean): number {
    return (alertsOnly ? this.alertsPerKey[keyId] : this.perKey[keyId]) ?? 0;
  }

  isRead(index: number): boolean {
    return ((this.flags[index] as number) & READ) !== 0;
  }

  hasAlerts(index: number): boolean {
    return ((this.flags[index] as number) & HAS_ALERTS) !== 0;
  }

  /** Marks one entry read; true when it was unread. */
  markRead(index: number): boolean {
    if (index < 0 || index >= this.length || this.isRead(index)) return false;
    this.flags[index] = (this.flags[index] as number) | READ;
    return true;
  }

  markAllRead(): void {
    for (let i = 0; i < this.flags.length; i++) this.flags[i] = (this.flags[i] as number) | READ;
  }

  countUnread(): number {
    let unread = 0;
    for (const flags of this.flags) if ((flags & READ) === 0) unread++;
    return unread;
  }

  /** Position of the entry with this id ("<seq>" or "<seq>.<n>"), or -1. */
  indexOf(id: string): number {
    const [seqText, subText] = id.split('.');
    const seq = Number(seqText);
    const sub = subText === undefined ? 0 : Number(subText);
    if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(sub)) return -1;
    let low = 0;
    let high = this.seq.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.seq[mid] as number) < seq) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.seq.length && this.seq[i] === seq; i++) if (this.sub[i] === sub) return i;
    return -1;
  }

  /** Drops the oldest entries; returns how many of them were unread. */
  dropOldest(count: number): number {
    let unread = 0;
    for (let i = 0; i < count; i++) {
      if (!this.isRead(i)) unread++;
      this.count(this.key[i] as number, this.hasAlerts(i), -1);
    }
    for (const column of [this.seq, this.sub, this.at, this.key, this.operation, this.flags, this.detail]) {
      column.splice(0, count);
    }
    return unread;
  }

  toColumns(): FeedColumns {
    const { keys, seq, sub, at, key, operation, flags, detail } = this;
    return { keys, seq, sub, at, key, operation, flags, detail };
  }

  /** Null when the columns are not a sound feed (wrong types or lengths). */
  static fromColumns(columns: FeedColumns): FeedLog | null {
    const lists = [
      columns?.seq,
      columns?.sub,
      columns?.at,
      columns?.key,
      columns?.operation,
      columns?.flags,
      columns?.detail,
    ];
    if (!Array.isArray(columns?.keys) || !lists.every(Array.isArray)) return null;
    const length = columns.seq.length;
    if (!lists.every((list) => list.length === length)) return null;
    if (columns.key.some((id) => !(id >= 0 && id < columns.keys.length))) return null;
    const log = new FeedLog();
    Object.assign(log, { ...columns, keyIds: new Map(columns.keys.map((key, id) => [key, id])) });
    for (let i = 0; i < length; i++) log.count(log.key[i] as number, log.hasAlerts(i), 1);
    return log;
  }

  private count(keyId: number, hasAlerts: boolean, delta: number): void {
    this.perKey[keyId] = (this.perKey[keyId] ?? 0) + delta;
    if (!hasAlerts) return;
    this.alertsPerKey[keyId] = (this.alertsPerKey[keyId] ?? 0) + delta;
    this.alertTotal += delta;
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.push(key) - 1;
      this.keyIds.set(key, id);
    }
    return id;
  }
}

function subOf(id: string): number {
  const dot = id.indexOf('.');
  return dot === -1 ? 0 : Number(id.slice(dot + 1));
}
