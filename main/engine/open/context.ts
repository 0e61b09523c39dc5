// What every part of an opening engine shares: the options as given, with the defaults filled in, and the notices
// the user is told at start-up (each part adds its own).
import path from 'node:path';
import type { Notice } from '../../../shared/contract/status.js';
import { type FileSystem, nodeFileSystem } from '../file-system.js';
import type { EngineOptions, Logger } from '../types.js';

export interface EngineContext {
  options: EngineOptions;
  dataDir: string;
  journalDir: string;
  fsys: FileSystem;
  clock: () => number;
  log: Logger;
  /** said to the user in the status; parts push to it while the engine opens and runs */
  notices: Notice[];
}

export function engineContext(options: EngineOptions): EngineContext {
  return {
    options,
    dataDir: options.dataDir,
    journalDir: path.join(options.dataDir, 'journal'),
    fsys: options.fileSystem ?? nodeFileSystem,
    clock: options.clock ?? Date.now,
    log: options.log ?? silentLogger,
    notices: [],
  };
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
