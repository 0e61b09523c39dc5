// A file kept in two generations and replaced crash-safely: write a temp file and fsync it, keep the current file as
// the previous generation, rename the temp into place, fsync the directory. A crash at any point leaves the current
// or the previous generation whole (lowdb's own JSONFile adapter does none of the syncing).
import type { FileSystem } from '../file-system.js';
import { syncDirectory } from '../file-system.js';

export interface Generations {
  dir: string;
  file: string;
  previous: string;
  temp: string;
}

export async function replaceDurably(
  fsys: FileSystem,
  paths: Generations,
  writeContent: (fd: number) => Promise<void>,
): Promise<void> {
  const fd = await fsys.open(paths.temp, 'w');
  try {
    await writeContent(fd);
    await fsys.fsync(fd);
  } finally {
    await fsys.close(fd);
  }
  await fsys.rename(paths.file, paths.previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await fsys.rename(paths.temp, paths.file);
  await syncDirectory(fsys, paths.dir);
}
