// The hub fan-out figure (issue 11): `npm run bench` runs it after the receiver runs; `npm run bench:fanout --
// [--followers 100] [--rate 500] [--duration 10]` runs it on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHubProcess } from './hub-process.js';
import { type FanoutFigures, type FanoutOptions, measureFanout } from './measure-fanout.js';

export const FANOUT_DEFAULTS: FanoutOptions = { followers: 100, ratePerSecond: 500, durationS: 10 };
/** The smoke run's: enough to prove every follower gets every event, in a few seconds. */
export const FANOUT_QUICK: FanoutOptions = { followers: 5, ratePerSecond: 50, durationS: 2 };

export async function runFanout(options: FanoutOptions): Promise<FanoutFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-fanout-'));
  const hub = await startHubProcess(path.join(dir, 'data'));
  try {
    return await measureFanout(hub, options);
  } finally {
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: { followers: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' } },
  });
  const figures = await runFanout({
    followers: Number(values.followers ?? FANOUT_DEFAULTS.followers),
    ratePerSecond: Number(values.rate ?? FANOUT_DEFAULTS.ratePerSecond),
    durationS: Number(values.duration ?? FANOUT_DEFAULTS.durationS),
  });
  process.stdout.write(`${JSON.stringify({ ...figures, load: os.loadavg()[0] }, null, 2)}\n`);
}
