// The engine's backups: one a day (a timer, at a quiet moment, never on the path of an acknowledgement nor in
// start-up's way), one on demand ("Back up now"), and one right after the previous version's store was upgraded.
// One runs at a time. After each, old generations are deleted (rotation.ts) and the journal may be pruned further.
// A copy that fails its check means the live database is damaged (the backup copies its pages as they are): the
// engine is told, so the next start restores the last good backup and replays the journal.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupList, BackupReason } from '../../../shared/contract/backups.js';
import { isDamage } from '../store/db/open.js';
import type { Store } from '../store/store.js';
import { withoutPath } from '../system-error.js';
import type { Logger } from '../types.js';
import { backupsDir, listSnapshots, PARTIAL_PREFIX, type Snapshot } from './manifest.js';
import { isTrusted, snapshotsToDelete } from './rotation.js';
import { takeSnapshot } from './take-snapshot.js';

const DAY_MS = 86_400_000;
/** After a failed attempt, the next one. */
const RETRY_MS = 3_600_000;
/** A due backup waits for a moment without a burst of postbacks, but not longer than this. */
const MAX_WAIT_FOR_QUIET_MS = 15 * 60_000;
const QUIET_POLL_MS = 1_000;

export interface BackupsOptions {
  dataDir: string;
  store: Store;
  clock: () => number;
  log: Logger;
  /** false while postbacks arrive or wait to be applied */
  quiet: () => boolean;
  /** the copy failed its check, or SQLite met damage while copying: the live database is damaged */
  onDamage: (error: Error) => void;
  /** a backup started, ended or failed (the status and Settings → Data show it) */
  onChange: () => void;
  /** a backup was made: the journal may be pruned further */
  afterBackup: () => Promise<unknown>;
  /** the first daily backup, when none was made in the last day, this long after start (default 10 minutes) */
  firstDelayMs?: number;
}

export class Backups {
  private running: Promise<Snapshot> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private lastError: string | null = null;
  private readonly stopping = new AbortController();

  constructor(private readonly options: BackupsOptions) {
    // A copy cut off by a crash or a kill: never complete, never listed.
    for (const name of safeReaddir(backupsDir(options.dataDir))) {
      if (name.startsWith(PARTIAL_PREFIX)) fs.rmSync(path.join(backupsDir(options.dataDir), name), { recursive: true });
    }
  }

  /** Schedules the daily backup. */
  start(): void {
    const newest = listSnapshots(this.options.dataDir).find(
      (snapshot) => isTrusted(snapshot) && snapshot.manifest.reason !== 'migration',
    );
    const now = this.options.clock();
    const due = newest ? Date.parse(newest.manifest.at) + DAY_MS : now;
    // At most a day away, whatever the clock did since the newest one (it may have jumped back).
    this.schedule(Math.min(DAY_MS, Math.max(due - now, this.options.firstDelayMs ?? 10 * 60_000)));
  }

  /** Why the last attempt failed, in words for the user; null when it worked. */
  get failure(): string | null {
    return this.lastError;
  }

  list(): BackupList {
    return {
      folder: backupsDir(this.options.dataDir),
      backups: listSnapshots(this.options.dataDir).map(({ manifest }) => ({
        id: manifest.id,
        at: manifest.at,
        reason: manifest.reason,
        bytes: manifest.database.bytes + manifest.documents.bytes,
        products: manifest.database.products,
        verified: manifest.verified,
      })),
      running: this.running !== null,
      nextAt: this.nextAt === null ? null : new Date(this.nextAt).toISOString(),
      lastError: this.lastError,
    };
  }

  /** Makes a backup now (or waits for the one under way); rejects when it could not be made. */
  backUpNow(reason: BackupReason = 'manual'): Promise<Snapshot> {
    if (this.stopping.signal.aborted) return Promise.reject(this.stopping.signal.reason);
    this.running ??= this.make(reason).finally(() => {
      this.running = null;
      this.options.onChange();
    });
    this.options.onChange();
    return this.running;
  }

  /** Stops the timer and abandons a backup under way (its partial copy is removed). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    this.stopping.abort(new Error('Shelfwatch is closing'));
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = this.options.clock() + delayMs;
    let waited = 0;
    const due = () => {
      if (!this.options.quiet() && waited < MAX_WAIT_FOR_QUIET_MS) {
        waited += QUIET_POLL_MS;
        this.timer = setTimeout(due, QUIET_POLL_MS).unref();
        return;
      }
      this.timer = null;
      this.backUpNow('daily').then(
        () => this.schedule(DAY_MS),
        () => this.schedule(RETRY_MS),
      );
    };
    this.timer = setTimeout(due, delayMs).unref();
  }

  private async make(reason: BackupReason): Promise<Snapshot> {
    const { store, dataDir, clock, log } = this.options;
    try {
      const source = { db: store.db, documents: () => store.docs };
      const snapshot = await takeSnapshot(source, { dataDir, reason, clock, signal: this.stopping.signal });
      const { manifest } = snapshot;
      if (!manifest.verified) throw Object.assign(new Error(manifest.problem ?? 'failed'), { code: 'SQLITE_CORRUPT' });
      this.lastError = null;
      log.info('Backup made', { backup: manifest.id, bytes: manifest.database.bytes, tookMs: manifest.tookMs });
      this.rotate();
      await this.options.afterBackup();
      return snapshot;
    } catch (error) {
      if (this.stopping.signal.aborted) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      // quick_check answers on several lines ("*** in database main ***\nTree 15 page 15: …"); a path is no one's business
      const said = withoutPath(failure)
        .replace(/\*\*\* in database \w+ \*\*\*/, '')
        .replace(/\s+/g, ' ')
        .trim();
      this.lastError = isDamage(failure)
        ? `The copy failed SQLite's integrity check (${said}): the database itself is damaged. The previous backups are kept; restart Shelfwatch to restore the newest of them and replay the journal.`
        : `The backup could not be made (${said}). The previous backups and the journal are kept.`;
      log.error('Backup failed', { reason, error: failure.message });
      if (isDamage(failure)) this.options.onDamage(failure);
      this.rotate();
      throw failure;
    }
  }

  private rotate(): void {
    for (const snapshot of snapshotsToDelete(listSnapshots(this.options.dataDir))) {
      fs.rmSync(snapshot.dir, { recursive: true, force: true });
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
