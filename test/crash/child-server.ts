// Runs the server face in a child process for the crash tests; prints one JSON line when ready.
import { startServer } from '../../main/server/start.js';

const [dataDir = '', secret = ''] = process.argv.slice(2);
// Checkpoints every 100–300 ms, so kills also land while the store file is being written.
const checkpoint = { quietMs: 100, maxDelayMs: 300 };
const server = await startServer({ dataDir, receiverPort: 0, uiPort: 0, secret, checkpoint }, '/nonexistent');
process.stdout.write(`${JSON.stringify({ receiverPort: server.receiverPort, uiPort: server.uiPort })}\n`);
