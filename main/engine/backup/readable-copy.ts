// A damaged store.db cut short (a truncated file) still says in its header how many pages it had, and SQLite then
// refuses to read even the pages that are there. For salvage, a copy padded with empty pages to that size reads:
// the missing pages fail one by one, the rest as they were. The moved-aside file itself is never changed.
import fs from 'node:fs';

const MAGIC = 'SQLite format 3\u0000';

/** The file to salvage from: `file` itself, or a padded copy beside it (remove it with `done`). */
export function readableCopy(file: string): { file: string; done: () => void } {
  const declared = declaredSize(file);
  if (declared === null || fs.statSync(file).size >= declared) return { file, done: () => {} };
  const padded = `${file}.salvage`;
  fs.copyFileSync(file, padded);
  fs.truncateSync(padded, declared);
  return { file: padded, done: () => fs.rmSync(padded, { force: true }) };
}

/** The size the header gives (page size × pages), when the header is SQLite's and its page count is valid. */
function declaredSize(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return null;
  // The page count is valid only when the change counter matches "version valid for" (SQLite file format, 1.3).
  if (header.readUInt32BE(24) !== header.readUInt32BE(92)) return null;
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  return pageSize * header.readUInt32BE(28);
}
