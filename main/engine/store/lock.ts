// One process at a time owns a data folder: a lock file holding the owner's pid. A lock left by a process that no
// longer runs (kill -9, power loss) is taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DataFolderLockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`Another Shelfwatch (process ${pid}) is already using the data folder ${dataDir}. Quit it first.`);
  }
}

/** Lock files this process holds: a pid check alone cannot tell two engines in one process apart. */
const heldHere = new Set<string>();

export function acquireLock(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'shelfwatch.lock');
  if (heldHere.has(file)) throw new DataFolderLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      heldHere.add(file);
      return () => releaseLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readQuietly(file));
      if (owner && owner !== process.pid && isRunning(owner)) throw new DataFolderLockedError(dataDir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

function releaseLock(file: string): void {
  heldHere.delete(file);
  if (readQuietly(file) === String(process.pid)) fs.rmSync(file, { force: true });
}

function readQuietly(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
