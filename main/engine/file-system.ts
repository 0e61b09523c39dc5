// The file operations the journal and the store use, behind one seam so tests can inject ENOSPC, EIO, EPERM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

export interface FileSystem {
  open(path: string, flags: string): Promise<number>;
  /** writes all of `data` at the file's current position */
  write(fd: number, data: Buffer): Promise<void>;
  fdatasync(fd: number): Promise<void>;
  fsync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number }>;
}

/** Every file in the data folder is the user's alone: it holds secrets, and products and prices are private too. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

const write = promisify(fs.write);
const open = promisify(fs.open) as (path: string, flags: string, mode: number) => Promise<number>;

export const nodeFileSystem: FileSystem = {
  // The mode applies when the file is created: journal segments, documents and their temp files are made 0600.
  open: (path, flags) => open(path, flags, FILE_MODE),
  async write(fd, data) {
    let offset = 0;
    while (offset < data.length) offset += (await write(fd, data, offset, data.length - offset)).bytesWritten;
  },
  fdatasync: promisify(fs.fdatasync),
  fsync: promisify(fs.fsync),
  ftruncate: promisify(fs.ftruncate),
  close: promisify(fs.close),
  readFile: (path) => fs.promises.readFile(path),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (path) => fs.promises.unlink(path),
  readdir: (path) => fs.promises.readdir(path),
  mkdir: (path) => fs.promises.mkdir(path, { recursive: true, mode: DIR_MODE }).then(() => undefined),
  stat: (path) => fs.promises.stat(path).then(({ size, mtimeMs }) => ({ size, mtimeMs })),
};

/** fsync a directory so a rename or a new file in it survives power loss (a no-op where directories can't be opened). */
export async function syncDirectory(fsys: FileSystem, dir: string): Promise<void> {
  let fd: number;
  try {
    fd = await fsys.open(dir, 'r');
  } catch {
    return; // Windows cannot open directories; NTFS journals the rename itself
  }
  try {
    await fsys.fsync(fd);
  } finally {
    await fsys.close(fd);
  }
}

/**
 * Replaces a small file whole, crash-safely and synchronously (secrets, credentials, certificates): a temp file
 * written and fsynced, renamed over it, the directory fsynced. A crash leaves the old content or the new, never half.
 */
export function replaceFileSync(file: string, data: string | Buffer, mode = FILE_MODE): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temp, mode); // a temp file left by a crash keeps its old mode: open's mode is for new files only
  fs.renameSync(temp, file);
  try {
    const dirFd = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Windows cannot open directories; NTFS journals the rename itself
  }
}
