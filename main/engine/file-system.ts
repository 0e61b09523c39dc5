// The file operations the journal and the store use, behind one seam so tests can inject ENOSPC, EIO, EPERM.
import * as fs from 'node:fs';
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

const write = promisify(fs.write);

export const nodeFileSystem: FileSystem = {
  open: promisify(fs.open) as (path: string, flags: string) => Promise<number>,
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
  mkdir: (path) => fs.promises.mkdir(path, { recursive: true }).then(() => undefined),
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

/** syncDirectory for start-up code that runs before anything else and may block (restoring a backup). */
export function syncDirectorySync(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return; // as above
  }
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
