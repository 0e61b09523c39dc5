// An engine with its receiver on an ephemeral loopback port, over a temp data folder, plus the counters the
// reliability tables compare before and after each request: journal records, feed, quarantine, duplicates.
import path from 'node:path';
import { type FileSystem, nodeFileSystem } from '../../../main/engine/file-system.js';
import { openEngine } from '../../../main/engine/index.js';
import { readJournal } from '../../../main/engine/journal/index.js';
import type { Engine, Logger } from '../../../main/engine/types.js';
import type { FeedEntry } from '../../../shared/contract/feed.js';
import type { ProductState } from '../../../shared/contract/product.js';

export const SECRET = 'reliability-secret-0123456789abcdefXYZ';

export interface TestEngine {
  engine: Engine;
  dataDir: string;
  port: number;
  url(suffix?: string): string;
  close(): Promise<void>;
}

export interface EngineSetup {
  fileSystem?: FileSystem;
  clock?: () => number;
  log?: Logger;
  checkpoint?: { quietMs: number; maxDelayMs: number };
}

export async function startEngine(dataDir: string, setup: EngineSetup = {}): Promise<TestEngine> {
  const engine = await openEngine({
    dataDir,
    secret: SECRET,
    receiverHost: '127.0.0.1',
    receiverPort: 0,
    uiToken: 'reliability-token',
    checkpoint: setup.checkpoint ?? { quietMs: 20, maxDelayMs: 50 },
    ...setup,
  });
  const receiver = await engine.startReceiver();
  return {
    engine,
    dataDir,
    port: receiver.port,
    url: (suffix = `/postback/${SECRET}`) => `http://127.0.0.1:${receiver.port}${suffix}`,
    close: () => engine.close(),
  };
}

/** Records in the journal on disk (intact ones), read with the real file system. */
export async function journalRecords(dataDir: string): Promise<number> {
  let count = 0;
  await readJournal(nodeFileSystem, path.join(dataDir, 'journal'), 0, () => count++);
  return count;
}

/** Waits until everything journaled so far is applied to the store. */
export async function settled(engine: Engine, dataDir: string, timeoutMs = 5_000): Promise<void> {
  const target = await journalRecords(dataDir);
  const until = Date.now() + timeoutMs;
  while ((await engine.api.status(undefined)).journal.appliedSeq < target) {
    if (Date.now() > until) throw new Error(`not applied within ${timeoutMs} ms (want seq ${target})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface Counts {
  records: number;
  feed: number;
  quarantined: number;
  duplicates: number;
  received: number;
}

export async function counts(test: TestEngine): Promise<Counts> {
  await settled(test.engine, test.dataDir);
  const status = await test.engine.api.status(undefined);
  const feed = await test.engine.api.feed({ limit: 1 });
  return {
    records: await journalRecords(test.dataDir),
    feed: feed.total ?? 0,
    quarantined: status.receiver.quarantined,
    duplicates: status.receiver.duplicates,
    received: status.receiver.received,
  };
}

/** Every feed entry, newest first. */
export async function allFeed(engine: Engine): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await engine.api.feed({ limit: 200, before });
    entries.push(...page.items);
    if (!page.next) return entries;
    before = page.next;
  }
}

export async function productOrNull(engine: Engine, key: string): Promise<ProductState | null> {
  try {
    return (await engine.api.product({ key })).product;
  } catch {
    return null;
  }
}
