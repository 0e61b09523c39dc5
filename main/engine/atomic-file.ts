// Small files written whole or not at all, synchronously: temp file + fsync + rename, then the directory synced so
// the rename survives power loss. For secrets and certificates (their mode is set on the temp file, before the name).
import fs from 'node:fs';
import path from 'node:path';

export function writeAtomically(file: string, content: string | Buffer, mode: number): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temp, mode); // a leftover temp file from a crash keeps its old mode: openSync's mode is for new files
  fs.renameSync(temp, file);
}

/** fsync a directory so a rename or a new file in it survives power loss (a no-op where directories can't be opened). */
export function syncDirectorySync(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open directories; NTFS journals the rename itself
  }
}

/** A whole file only this user can read (0600), replaced atomically and durably. */
export function writePrivateFile(file: string, content: string | Buffer): void {
  writeAtomically(file, content, 0o600);
  syncDirectorySync(path.dirname(file));
}
