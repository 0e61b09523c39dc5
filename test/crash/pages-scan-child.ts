// The engine in a child process, scanning the partner's site it was given, for the kill -9 test of the page index:
// prints one JSON line once the scan has started, then scans until it is killed.
import { openEngine } from '../../main/engine/index.js';

const [dataDir = ''] = process.argv.slice(2);
const engine = await openEngine({
  dataDir,
  checkpoint: { quietMs: 50, maxDelayMs: 150 },
  pages: { delayMs: 5, timeoutMs: 5_000, daily: false },
});
await engine.api.scanSites(undefined);
process.stdout.write(`${JSON.stringify({ scanning: true })}\n`);
