// Every operation of the FileSystem seam, and the error codes the fault tests inject from each.
import type { FileSystem } from '../../../main/engine/file-system.js';

export const FAULT_OPERATIONS = [
  'open',
  'write',
  'fdatasync',
  'fsync',
  'ftruncate',
  'close',
  'readFile',
  'rename',
  'unlink',
  'readdir',
  'mkdir',
  'stat',
] as const satisfies readonly (keyof FileSystem)[];

/** EROFS is what every write gets once the data folder is read-only. */
export const FAULT_CODES = ['ENOSPC', 'EIO', 'EPERM', 'EROFS'] as const;
