// The product database's tables. Bulk data only: products, their history, the feed, per-device read state, what
// watch rules remember per product, the quarantine, the receiver's counters, the alert channels and their outbox.
// The small user-owned documents (settings, watches, devices, catalogs) live in lowdb's documents.json beside it.
//
// A feed entry's position `pos` is seq * 4096 + n: the journal sequence number of the record that made it, and its
// place among that record's entries (re-processing the quarantine makes several). Positions only grow, so the feed
// is read newest-first by its primary key and an SSE client resumes by sequence number.

export const SCHEMA_VERSION = 5;

// The words of the products the feed mentions (feed_entries > 0; not a ghost, which is no product), for the feed
// search. Only those: a search then costs what the feed holds (retention), not what the catalog holds; at 5,000,000
// products an index of every product would be 25 times larger, its extra rows products no entry mentions.
const PRODUCT_SEARCH = `CREATE VIRTUAL TABLE product_search USING fts5 (
  name, item_id,
  content = '', contentless_delete = 1, prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
)`;

// Alert channels (issue 17) and their outbox: a message to a channel is written in the transaction that raises its
// alerts, and deleted once delivered. A channel's URL (its credentials) is not here: it is in the secret store.
// IF NOT EXISTS: the same text makes a new database and brings a version-2 one forward.
const CHANNELS = `CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  -- the address with every credential masked, for display
  target TEXT NOT NULL,
  filter TEXT NOT NULL,
  digest_seconds INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_sent_at INTEGER,
  last_error TEXT,
  last_error_at INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  channel_id TEXT NOT NULL,
  -- stable across retries and restarts: the webhook-id, the e-mail's Message-ID
  message_id TEXT NOT NULL,
  -- 0 waiting, 1 failed (a delivered message is deleted)
  state INTEGER NOT NULL DEFAULT 0,
  -- 1 once the sender took the message: later alerts start a new one
  sealed INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  -- the digest window closes (the first attempt) and the 24 hours of retries count from here
  window_end INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  -- 1 when due_at is the wait the target asked for (429, Retry-After): a restart keeps it; other waits it cuts short
  due_asked INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- how many alerts the message stands for (outbox_items keeps the first ones in full)
  total INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_queue ON outbox (channel_id, state, window_end, id);
CREATE TABLE IF NOT EXISTS outbox_items (message INTEGER NOT NULL, n INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (message, n)) WITHOUT ROWID`;

// Single entries a device read after its watermark; `batch` is the journal seq of the filtered "mark all read" that
// marked it (null: read one by one), so that batch's Undo removes exactly its own marks. `read_undo` is each device's
// newest "mark all read", the one its Undo can take back (see db/read-batches.ts).
const READ_MARKS = `CREATE TABLE read_marks (
  device TEXT NOT NULL, pos INTEGER NOT NULL, batch INTEGER, PRIMARY KEY (device, pos)
) WITHOUT ROWID`;
const READ_BATCHES = `CREATE INDEX read_marks_batch ON read_marks (device, batch) WHERE batch IS NOT NULL;
CREATE TABLE read_undo (
  device TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  batch INTEGER NOT NULL,
  filtered INTEGER NOT NULL,
  old_through INTEGER NOT NULL,
  new_through INTEGER NOT NULL,
  marked INTEGER NOT NULL,
  -- how many it made unread again, once undone
  restored INTEGER
) WITHOUT ROWID;`;

// The partner's own pages (sites): what was read from them and which products their links lead to. Sites come from
// journaled commands; pages and links are what the last scan read (a rebuild from the journal reads them again).
// `linked_products` is the journaled set of products the pages link to (what `{ linkedFromPages: true }` watches);
// `product_match_keys` is each product's keys for the link matcher (main/engine/pages/links/match-keys.ts),
// kept while there are sites. IF NOT EXISTS: an older database may already have them from a fresh SCHEMA.
const PAGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  kind TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  -- the last finished scan: { at, pages, links, matched, errors } as JSON
  last_scan TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL,
  -- the address the site listed; final_url is where it led after redirects
  url TEXT NOT NULL UNIQUE,
  final_url TEXT,
  title TEXT NOT NULL DEFAULT '',
  -- the HTTP status of the last read (0: not read yet, or no answer), and why a read failed
  status INTEGER NOT NULL DEFAULT 0,
  problem TEXT,
  etag TEXT,
  last_modified TEXT,
  -- the sitemap's (or feed's) lastmod when the page was last read
  lastmod TEXT,
  -- when the content was last read (a 304 keeps it), and when the site last listed the page (a scan's start)
  scanned_at INTEGER,
  listed_at INTEGER NOT NULL,
  links INTEGER NOT NULL DEFAULT 0,
  matched INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pages_site ON pages (site_id);
CREATE INDEX IF NOT EXISTS pages_final_url ON pages (final_url);
CREATE TABLE IF NOT EXISTS links (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL,
  href TEXT NOT NULL,
  text TEXT NOT NULL,
  tracked INTEGER NOT NULL,
  link_key INTEGER,
  sku_key INTEGER,
  dest_key INTEGER,
  product_id INTEGER,
  -- 1 link, 2 sku, 3 destination, 4 untracked (the order they are tried in)
  match INTEGER,
  -- the product's price when the link was matched: "up in price since the page was scanned"
  price REAL,
  currency TEXT
);
CREATE INDEX IF NOT EXISTS links_page ON links (page_id);
CREATE INDEX IF NOT EXISTS links_product ON links (product_id, page_id) WHERE product_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS links_link_key ON links (link_key) WHERE link_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS links_sku_key ON links (sku_key) WHERE sku_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS links_dest_key ON links (dest_key) WHERE dest_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS product_match_keys (
  product_id INTEGER PRIMARY KEY,
  link_key INTEGER,
  sku_key INTEGER,
  dest_key INTEGER
);
CREATE INDEX IF NOT EXISTS product_match_link ON product_match_keys (link_key) WHERE link_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS product_match_sku ON product_match_keys (sku_key) WHERE sku_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS product_match_dest ON product_match_keys (dest_key) WHERE dest_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS linked_products (key TEXT PRIMARY KEY) WITHOUT ROWID;
`;

export const SCHEMA = `
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  catalog_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  campaign_id TEXT,
  name TEXT,
  url TEXT,
  image_url TEXT,
  current_price REAL,
  original_price REAL,
  currency TEXT,
  stock TEXT NOT NULL,
  inventory INTEGER,
  removed INTEGER NOT NULL,
  api_id TEXT,
  -- 1 while all Shelfwatch saw of the item is its removal: kept for the feed, never listed as a product
  ghost INTEGER NOT NULL DEFAULT 0,
  first_seen_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  history_count INTEGER NOT NULL DEFAULT 0,
  -- how many feed entries (and of them with alerts) mention the product: filtered totals without a scan
  feed_entries INTEGER NOT NULL DEFAULT 0,
  feed_alerts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX products_catalog ON products (catalog_id);
CREATE INDEX products_campaign ON products (campaign_id) WHERE campaign_id IS NOT NULL;

CREATE TABLE history (
  product_id INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  at INTEGER NOT NULL,
  price REAL,
  currency TEXT,
  stock TEXT NOT NULL,
  inventory INTEGER,
  -- 1 at the point the item left the catalog: the chart says "Removed" there, not its last stock
  removed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, pos)
) WITHOUT ROWID;

CREATE TABLE feed (
  pos INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  operation TEXT NOT NULL,
  unknown_operation TEXT,
  flags INTEGER NOT NULL,
  changes TEXT NOT NULL,
  alerts TEXT
);
CREATE INDEX feed_product ON feed (product_id, pos);
CREATE INDEX feed_alerts ON feed (pos) WHERE flags & 1;

CREATE TABLE read_through (device TEXT PRIMARY KEY, pos INTEGER NOT NULL) WITHOUT ROWID;
${READ_MARKS};
${READ_BATCHES}

CREATE TABLE rule_memory (
  watch_id TEXT NOT NULL,
  product_id INTEGER NOT NULL,
  memory TEXT NOT NULL,
  PRIMARY KEY (watch_id, product_id)
) WITHOUT ROWID;

-- applied: the postback's readable fields were applied; it is here for the values that could not be read
CREATE TABLE quarantine (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  applied INTEGER NOT NULL DEFAULT 0
);

${PRODUCT_SEARCH};
${CHANNELS};
${PAGES_SCHEMA}
`;

/** What takes a database at version N (the key) to N + 1; each step runs in one transaction. */
export const MIGRATIONS: Readonly<Record<number, string>> = {
  // 2: the search index holds only the feed's products (it held every product)
  1: `DROP TABLE product_search;
      ${PRODUCT_SEARCH};
      INSERT INTO product_search (rowid, name, item_id)
        SELECT id, coalesce(name, ''), item_id FROM products WHERE feed_entries > 0 AND NOT ghost;`,
  // 3: alert channels and their outbox
  2: `${CHANNELS};`,
  // 4: the partner's pages (issue 18)
  3: PAGES_SCHEMA,
  // 5: removals in the history (a removed product's newest point is its removal), undoable "mark all read" batches,
  // and quarantined postbacks whose readable fields were applied
  4: `ALTER TABLE history ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
      UPDATE history SET removed = 1 WHERE (product_id, pos) IN (
        SELECT h.product_id, max(h.pos) FROM history h JOIN products p ON p.id = h.product_id
        WHERE p.removed AND NOT p.ghost GROUP BY h.product_id);
      ALTER TABLE read_marks ADD COLUMN batch INTEGER;
      ${READ_BATCHES}
      ALTER TABLE quarantine ADD COLUMN applied INTEGER NOT NULL DEFAULT 0;`,
};

/** Feed entry flags. */
export const HAS_ALERTS = 1;
export const IS_NEW = 2;
export const FROM_API = 4;

/** Entries one journal record can make, at most (a feed position's low bits). */
export const ENTRIES_PER_RECORD = 4096;

export function feedPos(seq: number, index: number): number {
  return seq * ENTRIES_PER_RECORD + index;
}

export function seqOfPos(pos: number): number {
  return Math.floor(pos / ENTRIES_PER_RECORD);
}
