// The alert channels (names, kinds, masked targets, filters, digest windows) and how their delivery went. Channels
// change through journaled commands; their delivery status changes as the sender works (not journaled: it is what
// happened outside, not what the user asked). The few channels are also held in memory for matching alerts.
import type { ChannelFilter, ChannelKind, ChannelPatch, StoredChannel } from '../../../../shared/contract/channel.js';
import type { Db } from './open.js';
import type { TransactionParticipant } from './unit-of-work.js';

interface ChannelRow {
  id: string;
  name: string;
  kind: string;
  target: string;
  filter: string;
  digest_seconds: number;
  enabled: number;
  created_at: number;
  last_sent_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

export interface DeliveryStatus {
  lastSentAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

export type ChannelRecord = StoredChannel & DeliveryStatus;

function recordOf(row: ChannelRow): ChannelRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ChannelKind,
    target: row.target,
    filter: JSON.parse(row.filter) as ChannelFilter,
    digestSeconds: row.digest_seconds,
    enabled: row.enabled === 1,
    createdAt: new Date(row.created_at).toISOString(),
    lastSentAt: row.last_sent_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
  };
}

export class ChannelTable implements TransactionParticipant {
  private readonly listStatement;
  private readonly insertStatement;
  private readonly updateStatement;
  private readonly deleteStatement;
  private readonly sentStatement;
  private readonly errorStatement;
  /** every channel, in the order they were added; read back after any change (they are few) */
  private cached: ChannelRecord[] = [];

  constructor(db: Db) {
    this.listStatement = db.prepare<[], ChannelRow>('SELECT * FROM channels ORDER BY created_at, id');
    this.insertStatement = db.prepare(
      `INSERT OR REPLACE INTO channels (id, name, kind, target, filter, digest_seconds, enabled, created_at)
       VALUES (@id, @name, @kind, @target, @filter, @digestSeconds, @enabled, @createdAt)`,
    );
    this.updateStatement = db.prepare(
      'UPDATE channels SET name = @name, filter = @filter, digest_seconds = @digestSeconds, enabled = @enabled WHERE id = @id',
    );
    this.deleteStatement = db.prepare('DELETE FROM channels WHERE id = ?');
    this.sentStatement = db.prepare('UPDATE channels SET last_sent_at = ? WHERE id = ?');
    this.errorStatement = db.prepare('UPDATE channels SET last_error = ?, last_error_at = ? WHERE id = ?');
    this.reload();
  }

  /** Reads the channels again (after a change, or a transaction that rolled back). */
  reload(): void {
    this.cached = this.listStatement.all().map(recordOf);
  }

  rolledBack(): void {
    this.reload();
  }

  list(): readonly ChannelRecord[] {
    return this.cached;
  }

  get(id: string): ChannelRecord | undefined {
    return this.cached.find((channel) => channel.id === id);
  }

  add(channel: StoredChannel): void {
    this.insertStatement.run({
      ...channel,
      filter: JSON.stringify(channel.filter),
      enabled: channel.enabled ? 1 : 0,
      createdAt: Date.parse(channel.createdAt),
    });
    this.reload();
  }

  update(id: string, patch: ChannelPatch): void {
    const channel = this.get(id);
    if (!channel) return;
    const next = { ...channel, ...patch };
    this.updateStatement.run({
      id,
      name: next.name,
      filter: JSON.stringify(next.filter),
      digestSeconds: next.digestSeconds,
      enabled: next.enabled ? 1 : 0,
    });
    this.reload();
  }

  remove(id: string): void {
    this.deleteStatement.run(id);
    this.reload();
  }

  /** A message (or a test) reached the channel's target. */
  sent(id: string, at: number): void {
    this.sentStatement.run(at, id);
    const channel = this.get(id);
    if (channel) channel.lastSentAt = at;
  }

  /** An attempt failed; `error` is in plain words and holds no credential. */
  failed(id: string, error: string, at: number): void {
    this.errorStatement.run(error, at, id);
    const channel = this.get(id);
    if (channel) Object.assign(channel, { lastError: error, lastErrorAt: at });
  }
}
