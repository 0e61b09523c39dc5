// The engine in a child process for the kill tests; prints one JSON line when ready. With SHELFWATCH_KILL_AT set
// (test-only, read only here) it wraps the FileSystem seam and SIGKILLs itself at one exact point, e.g.
//   fdatasync@journal#3:after   right after the 3rd journal fsync, before anyone is answered
//   fdatasync@journal#3:later   after the answers went out, before the records are applied
//   write@journal#3:half        in the middle of the 3rd journal write (a torn line)
//   rename@store#1:after        between moving documents.json to documents.prev.json and moving the new one in

import { type FileSystem, nodeFileSystem } from '../../main/engine/file-system.js';
import { openEngine } from '../../main/engine/index.js';

const [dataDir = '', secret = ''] = process.argv.slice(2);
const spec = /^(\w+)@(journal|store|any)#(\d+):(before|after|half|later)$/.exec(process.env.SHELFWATCH_KILL_AT ?? '');

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

function killingFileSystem(op: string, where: string, nth: number, when: string): FileSystem {
  const paths = new Map<number, string>();
  let seen = 0;
  const matches = (name: string, file: string) =>
    name === op &&
    (where === 'any' || (where === 'journal' ? file.includes('journal') : /(store|documents)[^/]*$/.test(file)));
  const wrapped: Record<string, unknown> = {};
  for (const [name, real] of Object.entries(nodeFileSystem) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      const file = typeof args[0] === 'number' ? (paths.get(args[0]) ?? '') : String(args[0]);
      const hit = matches(name, file) && ++seen === nth;
      if (hit && when === 'before') die();
      if (hit && when === 'half' && name === 'write') {
        const data = args[1] as Buffer;
        await real(args[0], data.subarray(0, Math.max(1, data.length >> 1)));
        die();
      }
      const result = await real(...args);
      if (name === 'open') paths.set(result as number, String(args[0]));
      if (hit && when === 'after') die();
      if (hit && when === 'later') setImmediate(die);
      return result;
    };
  }
  return wrapped as unknown as FileSystem;
}

const fileSystem = spec ? killingFileSystem(spec[1] ?? '', spec[2] ?? '', Number(spec[3]), spec[4] ?? '') : undefined;
// Checkpoints every 50–150 ms, so kills also land while the store file is being written.
const engine = await openEngine({
  dataDir,
  secret,
  receiverPort: 0,
  checkpoint: { quietMs: 50, maxDelayMs: 150 },
  fileSystem,
});
const receiver = await engine.startReceiver();
process.stdout.write(`${JSON.stringify({ receiverPort: receiver.port })}\n`);
