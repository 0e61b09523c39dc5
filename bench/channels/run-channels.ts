// The alert-channel figure (issue 17): `npm run bench` runs it after the fan-out figure; on its own:
// `node --import tsx bench/channels/run-channels.ts [--quick]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChildServer, stopAllChildren } from '../child-server.js';
import { type ChannelBenchOptions, type ChannelFigures, measureChannels } from './measure-channels.js';
import { startWebhookReceiver } from './webhook-receiver.js';

export const CHANNEL_DEFAULTS: ChannelBenchOptions = {
  ratePerSecond: 100,
  durationS: 10,
  burst: 2_000,
  compareS: 15,
  rounds: 3,
  connections: 50,
};
/** The smoke run's: every part once, in seconds. */
export const CHANNEL_QUICK: ChannelBenchOptions = {
  ratePerSecond: 20,
  durationS: 2,
  burst: 100,
  compareS: 2,
  rounds: 1,
  connections: 10,
};

export async function runChannels(options: ChannelBenchOptions): Promise<ChannelFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-channels-bench-'));
  const webhook = await startWebhookReceiver();
  const a = await startChildServer('noop');
  const dataDir = path.join(dir, 'data');
  const c = await startChildServer('shelfwatch', { args: [dataDir] });
  try {
    return await measureChannels(a, { server: c, dataDir }, webhook, options);
  } finally {
    await a.stop();
    await c.stop();
    await webhook.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  try {
    const figures = await runChannels(values.quick ? CHANNEL_QUICK : CHANNEL_DEFAULTS);
    process.stdout.write(`${JSON.stringify({ ...figures, load: os.loadavg()[0] }, null, 2)}\n`);
  } finally {
    await stopAllChildren();
  }
}
