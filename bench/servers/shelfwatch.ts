// C: Shelfwatch's server face (engine + receiver with durable acknowledgement + UI API) on a given data folder.
import { startServer } from '../../main/server/start.js';
import { announceReady, BENCH_SECRET, BENCH_TOKEN } from './protocol.js';

const [dataDir = '', rendererDir = '/nonexistent'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: shelfwatch.ts <dataDir> [rendererDir]');
const opening = performance.now();
const server = await startServer(
  { dataDir, receiverPort: 0, uiPort: 0, secret: BENCH_SECRET, uiToken: BENCH_TOKEN },
  rendererDir,
);
announceReady(
  {
    receiverPort: server.receiverPort,
    uiPort: server.uiPort,
    /** startServer alone: read the store, replay the journal tail, listen */
    openMs: performance.now() - opening,
  },
  () => server.close(),
);
