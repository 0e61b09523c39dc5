// `npm run bench:fanout -- [--followers 100] [--rate 500] [--duration 10]`: the hub fan-out figure on its own.
// (npm run bench runs it too, with the same defaults.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHubProcess } from './hub-process.js';
import { type FanoutFigures, type FanoutOptions, measureFanout } from './measure-fanout.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const FANOUT_DEFAULTS: FanoutOptions = { followers: 100, ratePerSecond: 500, durationS: 10 };

export async function runFanout(options: FanoutOptions): Promise<FanoutFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-fanout-'));
  const hub = await startHubProcess(ROOT, path.join(dir, 'data'));
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
