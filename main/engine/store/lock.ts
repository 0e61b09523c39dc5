// One process at a time owns a data folder: a lock file holding the owner's pid, created exclusively. A lock left by
// a process that no longer runs (kill -9, power loss) is taken over, and the takeover is atomic: removing the stale
// lock is claimed first by exclusively creating a claim file named after that lock (its owner's pid and its inode),
// so of several instances starting at the same moment exactly one removes it, and only the lock it judged stale.
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

const MAX_ATTEMPTS = 50;
const CLAIM_PREFIX = '.takeover-';
/** `shelfwatch.lock.takeover-<stale pid>-<stale inode>-<generation>` (temp files are named apart from these). */
const CLAIM_NAME = /^shelfwatch\.lock\.takeover-\d+-\d+-\d+$/;

interface Owner {
  pid: number;
  ino: number;
}

export function acquireLock(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'shelfwatch.lock');
  if (heldHere.has(file)) throw new DataFolderLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createExclusive(file, String(process.pid))) {
      heldHere.add(file);
      removeClaims(file);
      return () => releaseLock(file);
    }
    const owner = readOwner(file);
    if (!owner) continue; // released (or taken over) meanwhile: try again
    if (owner.pid !== process.pid && isRunning(owner.pid)) throw new DataFolderLockedError(dataDir, owner.pid);
    if (!removeIfStillStale(file, owner)) waitBriefly(attempt);
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

/**
 * Removes the stale lock if this process wins the claim on it; false when another live process holds the claim.
 * Claims are numbered: the next one is tried only when the holder of the previous one has died mid-takeover, so at
 * most one live process ever holds a claim on a given stale lock.
 */
function removeIfStillStale(file: string, stale: Owner): boolean {
  for (let generation = 0; generation < MAX_ATTEMPTS; generation++) {
    const claim = `${file}${CLAIM_PREFIX}${stale.pid}-${stale.ino}-${generation}`;
    if (createExclusive(claim, String(process.pid))) {
      const current = readOwner(file);
      // Still the lock judged stale (same owner, same file)? Nobody else removes it while we hold the claim; a
      // later claimant of the same stale lock re-checks, so the claim can go as soon as this is done.
      if (current && current.pid === stale.pid && current.ino === stale.ino) fs.rmSync(file, { force: true });
      fs.rmSync(claim, { force: true });
      return true;
    }
    const claimant = Number(readQuietly(claim));
    if (claimant && claimant !== process.pid && isRunning(claimant)) return false;
  }
  return false;
}

/**
 * Creates `file` holding `content` unless it exists. Written to a temp file first and hard-linked into place, so
 * nobody ever reads it empty (an empty lock would look ownerless); where links are unsupported, an exclusive create.
 */
function createExclusive(file: string, content: string): boolean {
  const temp = path.join(path.dirname(file), `.lock-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' });
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    return createWithoutLink(file, content);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function createWithoutLink(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(file: string): Owner | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const { ino } = fs.fstatSync(fd);
      return { pid: Number(fs.readFileSync(fd, 'utf8').trim()) || 0, ino };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** Claims on locks that are gone: tidy, and harmless to remove (a late claimant re-checks the lock it claimed). */
function removeClaims(file: string): void {
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) if (CLAIM_NAME.test(name)) fs.rmSync(path.join(dir, name), { force: true });
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

/** Start-up only, a few milliseconds: gives the claimant time to remove the stale lock and create its own. */
function waitBriefly(attempt: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(50, 2 + attempt * 2));
}
