// The ways a store.db can be damaged that the damaged-start suite knows, for every test that damages one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DAMAGED_MARKER } from '../../../main/engine/store/db/open.js';

const storeDb = (dir: string) => path.join(dir, 'store.db');
const rewrite = (target: string, change: (bytes: Buffer) => Buffer | string) =>
  fs.writeFileSync(target, change(fs.readFileSync(target)));

export const emptyStore = (dir: string) => fs.writeFileSync(storeDb(dir), '');
export const truncatedStore = (dir: string) => rewrite(storeDb(dir), (b) => b.subarray(0, b.length >> 1));
export const nulFilledStore = (dir: string) => rewrite(storeDb(dir), (b) => Buffer.alloc(b.length));
export const jsonTextStore = (dir: string) => fs.writeFileSync(storeDb(dir), '{"version":99,"products":[]}');
/** A SQLite database of another program: a valid file, just not ours. */
export function foreignStore(dir: string): void {
  fs.rmSync(storeDb(dir));
  const db = new Database(storeDb(dir));
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello')");
  db.close();
}
/** Its frames fail their checksums: SQLite ignores them and the database opens as it was checkpointed. */
export const garbageWal = (dir: string) => fs.writeFileSync(`${storeDb(dir)}-wal`, Buffer.alloc(8192, 7));

/** Overwrites the root page of a table or index with garbage: the file opens, reading that table fails. */
export function overwritePage(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  fs.closeSync(fd);
}

/** What the engine leaves when SQLite reported damage while running (SQLITE_CORRUPT on one page here). */
export function damagedWhileRunning(dir: string): void {
  overwritePage(storeDb(dir), 'feed_alerts');
  fs.writeFileSync(path.join(dir, DAMAGED_MARKER), 'SQLITE_CORRUPT: database disk image is malformed\n');
}

export interface StoreDamage {
  name: string;
  damage(dir: string): void;
  /** the file opens and holds everything (SQLite ignores the damage): nothing is moved aside */
  harmless?: boolean;
}

export const STORE_DB_DAMAGE: readonly StoreDamage[] = [
  { name: 'an empty store.db', damage: emptyStore },
  { name: 'a truncated store.db', damage: truncatedStore },
  { name: 'a NUL-filled store.db', damage: nulFilledStore },
  { name: 'store.db holding JSON text', damage: jsonTextStore },
  { name: 'store.db being another program’s SQLite database', damage: foreignStore },
  { name: 'a garbage write-ahead log beside store.db', damage: garbageWal, harmless: true },
  { name: 'damage SQLite met while running (the damage marker)', damage: damagedWhileRunning },
];
