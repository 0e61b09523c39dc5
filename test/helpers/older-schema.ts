// Makes a test database look like one an older Shelfwatch wrote, so opening it runs the migrations from there.
import type { Db } from '../../main/engine/store/db/open.js';

/** Undoes schema version 5 (removals in the history, undoable "mark all read", partly applied quarantine entries). */
export function asVersion4(db: Db): void {
  db.exec(`DROP INDEX read_marks_batch;
    DROP TABLE read_undo;
    ALTER TABLE read_marks DROP COLUMN batch;
    ALTER TABLE history DROP COLUMN removed;
    ALTER TABLE quarantine DROP COLUMN applied;
    PRAGMA user_version = 4;`);
}

/** Undoes versions 3 to 5 too: a database from before alert channels (3) and the partner's pages (4). */
export function asVersion2(db: Db): void {
  asVersion4(db);
  db.exec(`DROP TABLE sites; DROP TABLE pages; DROP TABLE links; DROP TABLE product_match_keys;
    DROP TABLE linked_products;
    DROP TABLE channels; DROP TABLE outbox; DROP TABLE outbox_items;
    PRAGMA user_version = 2;`);
}
