// After a burst the engine checkpoints a few seconds later (the WAL copied into store.db, then documents.json
// written); waiting for it keeps that work out of the next server's measurement window.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitForCheckpoint(dataDir: string, afterMs: number, timeoutMs = 15_000): Promise<boolean> {
  const file = path.join(dataDir, 'documents.json');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > afterMs) return true;
    await sleep(100);
  }
  return false;
}
