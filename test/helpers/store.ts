// A store over a fresh database in a temp folder, with the documents in memory: for tests of applying records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Low, Memory } from 'lowdb';
import { openDatabase } from '../../main/engine/store/db/open.js';
import { type Documents, emptyDocuments } from '../../main/engine/store/documents.js';
import { Store } from '../../main/engine/store/store.js';

export interface TestStore {
  store: Store;
  dir: string;
  close(): void;
}

export function openTestStore(): TestStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-store-'));
  const { db } = openDatabase(dir, Date.now);
  const store = new Store(db, new Low<Documents>(new Memory<Documents>(), emptyDocuments()));
  return {
    store,
    dir,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
