// One process at a time owns a data folder: a lock file naming the owner (its pid, and who that process is beyond its
// pid: process-identity.ts), created exclusively. A lock left by a process that no longer runs (kill -9, power loss)
// is taken over, even when its pid now belongs to another process, and the takeover is atomic: removing the stale
// lock is claimed first by exclusively creating a claim file named after that lock (its owner's pid and its inode),
// so of several instances starting at the same moment exactly one removes it, and only the lock it judged stale.
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE } from '../file-system.js';
import { isAlive, ownIdentity, type ProcessIdentity } from './process-identity.js';

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
const UNNAMED_LOCK_GRACE_MS = 1_000;
const CLAIM_PREFIX = '.takeover-';
/** `shelfwatch.lock.takeover-<stale pid>-<stale inode>-<generation>` (temp files are named apart from these). */
const CLAIM_NAME = /^shelfwatch\.lock\.takeover-\d+-\d+-\d+$/;

interface Owner {
  identity: ProcessIdentity;
  ino: number;
  /** when the lock was written: a lock of the previous version names a pid alone */
  mtimeMs: number;
}

export function acquireLock(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'shelfwatch.lock');
  if (heldHere.has(file)) throw new DataFolderLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createExclusive(file, JSON.stringify(ownIdentity()))) {
      heldHere.add(file);
      removeClaims(file);
      return () => releaseLock(file);
    }
    const owner = readOwner(file);
    if (!owner) continue; // released (or taken over) meanwhile: try again
    const { pid } = owner.identity;
    // Names no process: still being written where links are unsupported (see createExclusive), or left half-written
    // by a crash. Only the latter, once it is a little old, is stale.
    if (pid === 0 && Date.now() - owner.mtimeMs < UNNAMED_LOCK_GRACE_MS) {
      waitBriefly(attempt);
      continue;
    }
    if (pid !== process.pid && isAlive(owner.identity, owner.mtimeMs)) throw new DataFolderLockedError(dataDir, pid);
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
    const claim = `${file}${CLAIM_PREFIX}${stale.identity.pid}-${stale.ino}-${generation}`;
    if (createExclusive(claim, JSON.stringify(ownIdentity()))) {
      const current = readOwner(file);
      // Still the lock judged stale (same owner, same file)? Nobody else removes it while we hold the claim; a
      // later claimant of the same stale lock re-checks, so the claim can go as soon as this is done.
      if (current && current.identity.pid === stale.identity.pid && current.ino === stale.ino) {
        fs.rmSync(file, { force: true });
      }
      fs.rmSync(claim, { force: true });
      return true;
    }
    const claimant = readOwner(claim);
    if (claimant && claimant.identity.pid !== process.pid && isAlive(claimant.identity, claimant.mtimeMs)) return false;
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
    fs.writeFileSync(temp, content, { flag: 'wx', mode: FILE_MODE });
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
    fs.writeFileSync(file, content, { flag: 'wx', mode: FILE_MODE });
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
      const { ino, mtimeMs } = fs.fstatSync(fd);
      return { identity: parseIdentity(fs.readFileSync(fd, 'utf8')), ino, mtimeMs };
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

/** `{"pid":…,"started":…,"boot":…}`, or the bare pid a lock of the previous version holds. */
function parseIdentity(text: string): ProcessIdentity {
  const unknown = { pid: 0, started: null, boot: null };
  if (!text.trimStart().startsWith('{')) return { ...unknown, pid: Number(text.trim()) || 0 };
  try {
    const value = JSON.parse(text) as Partial<ProcessIdentity>;
    return {
      pid: Number.isSafeInteger(value.pid) ? (value.pid as number) : 0,
      started: typeof value.started === 'string' ? value.started : null,
      boot: typeof value.boot === 'string' ? value.boot : null,
    };
  } catch {
    return unknown; // a lock nobody could have written whole: no owner
  }
}

function releaseLock(file: string): void {
  heldHere.delete(file);
  if (readOwner(file)?.identity.pid === process.pid) fs.rmSync(file, { force: true });
}

/** Start-up only, a few milliseconds: gives the claimant time to remove the stale lock and create its own. */
function waitBriefly(attempt: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(50, 2 + attempt * 2));
}
