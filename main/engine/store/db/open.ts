// Opens (or creates) the product database. A file SQLite cannot read, or one shorter than its own page count says
// (truncated), is moved aside (its write-ahead log beside it, for salvage); the caller's `restore` may then put a
// backup in its place, else an empty database is made and the engine rebuilds it from the journal. The caller tells
// the user.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export const DB_FILE = 'store.db';
/** Written when SQLite reports damage while running: the next start moves the file aside and rebuilds it. */
export const DAMAGED_MARKER = 'store.db.damaged';

export interface OpenedDb {
  db: Db;
  file: string;
  /** false when the file was created now or restored from a backup (new folder, or a damaged one moved aside) */
  existed: boolean;
  movedAside: string[];
}

export interface OpenHooks {
  /** store.db is missing or was moved aside: put a good copy at `file` and say so (true), or leave it (false) */
  restore?(file: string): boolean;
}

/**
 * SQLite's compiled module, when it is not the one `npm install` built for Node: Electron runs its own build (see
 * scripts/electron-native.mjs and main/desktop/sqlite-binding.ts). undefined: better-sqlite3 finds its own.
 */
let nativeBinding: string | undefined;

export function setSqliteBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function sqliteBinding(): string | undefined {
  return nativeBinding;
}

/** A connection through the module this process uses (see setSqliteBinding). */
export function connect(file: string, options: Database.Options = {}): Db {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

export function openDatabase(dataDir: string, clock: () => number, hooks: OpenHooks = {}): OpenedDb {
  // SQLite itself first: a module that cannot load (built for another Node or Electron) must stop the start with its
  // own error, not make a good store.db look damaged below.
  connect(':memory:').close();
  const file = path.join(dataDir, DB_FILE);
  const movedAside: string[] = [];
  const marker = path.join(dataDir, DAMAGED_MARKER);
  if (fs.existsSync(marker)) {
    if (fs.existsSync(file)) movedAside.push(moveAside(file, clock));
    fs.rmSync(marker, { force: true });
  }
  const existed = fs.existsSync(file);
  if (existed) {
    const db = tryOpen(file);
    if (db) return { db, file, existed: true, movedAside };
    movedAside.push(moveAside(file, clock));
  }
  if (hooks.restore?.(file)) {
    const db = tryOpen(file);
    if (db) return { db, file, existed: false, movedAside };
    removeDatabase(file); // checked before it was put there: a failure now is no reason to keep it
  }
  const db = connect(file);
  configure(db);
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return { db, file, existed: false, movedAside };
}

/** A second connection for reads while the engine writes (WAL lets it read without waiting). */
export function openReader(file: string): Db {
  const db = connect(file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -16000');
  return db;
}

/**
 * A second writer for bulk work beside the engine's own (the page scanner's 300,000 link rows), with a small page
 * cache of its own: its writes then neither push the products' hot pages out of the engine's cache nor grow it. The
 * engine runs on one thread, so the two never write at the same moment.
 */
export function openSideWriter(file: string): Db {
  const db = connect(file, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('cache_size = -2000');
  return db;
}

function tryOpen(file: string): Db | null {
  let db: Db | null = null;
  try {
    db = connect(file, { fileMustExist: true });
    configure(db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // Pages already copied into the main file must all be there; WAL frames may hold newer ones.
    const walPages = walFrameCount(file, pageSize);
    if (fs.statSync(file).size < (pages - walPages) * pageSize) throw new Error('truncated');
    db.prepare('SELECT count(*) FROM meta').get();
    migrate(db);
    return db;
  } catch {
    db?.close();
    return null;
  }
}

/** Brings an older database up to today's schema; one this version does not know is damaged to it. */
function migrate(db: Db): void {
  for (;;) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`schema version ${version}`);
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a crash of the process; the journal covers a power loss, and the engine
  // checkpoints (which syncs) before anything else relies on the database being on disk.
  db.pragma('synchronous = NORMAL');
  // Checkpoints run when the engine chooses (idle, or the WAL grew large), not inside a random commit.
  db.pragma('wal_autocheckpoint = 0');
  // After a checkpoint the log starts over from its beginning, its file cut back to this size: a burst does not keep
  // hundreds of megabytes on disk, and the file's size tells the checkpointer how much the log holds.
  db.pragma(`journal_size_limit = ${16 * 2 ** 20}`);
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

/** Frames in the WAL file: a 32-byte header, then frames of a 24-byte header plus one page. */
function walFrameCount(file: string, pageSize: number): number {
  try {
    const size = fs.statSync(`${file}-wal`).size;
    return Math.max(0, Math.floor((size - 32) / (pageSize + 24)));
  } catch {
    return 0;
  }
}

function moveAside(file: string, clock: () => number): string {
  const aside = `${file}.corrupt-${clock()}`;
  fs.renameSync(file, aside);
  // Its log may hold committed pages the file does not: kept beside it, rows can still be salvaged from both.
  if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${aside}-wal`);
  fs.rmSync(`${file}-shm`, { force: true });
  return path.basename(aside);
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

const prepared = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, made once per connection and SQL text (preparing costs more than most reads). */
export function statement<Params extends unknown[], Row>(db: Db, sql: string): Database.Statement<Params, Row> {
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map();
    prepared.set(db, cache);
  }
  let found = cache.get(sql);
  if (!found) {
    found = db.prepare(sql);
    cache.set(sql, found);
  }
  return found as unknown as Database.Statement<Params, Row>;
}

/** True for SQLite's errors that mean the file itself is damaged (as opposed to full, read-only, locked). */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
