// One contender in the lock race (test/reliability/lock-race.test.ts): waits for the start signal, tries to lock the
// data folder, says "won" or "locked", and a winner holds the lock until told to let go.
import fs from 'node:fs';
import { acquireLock, DataFolderLockedError } from '../../../main/engine/store/lock.js';

const [dataDir, goFile, doneFile] = process.argv.slice(2) as [string, string, string];
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

process.stdout.write('ready\n');
while (!fs.existsSync(goFile)) pause(1);
try {
  const release = acquireLock(dataDir);
  process.stdout.write('won\n');
  while (!fs.existsSync(doneFile)) pause(5);
  release();
} catch (error) {
  process.stdout.write(error instanceof DataFolderLockedError ? 'locked\n' : `error ${String(error)}\n`);
}
