// The server face as `npm run serve` runs it (options from argv and the environment), without a build, in a child
// process for kill -9 tests. Prints one JSON line with its ports once it listens.
import { readServeOptions } from '../../main/server/options.js';
import { startServer } from '../../main/server/start.js';

const options = readServeOptions(process.argv.slice(2), process.env);
const server = await startServer(options, '/no-renderer-needed');
process.stdout.write(`${JSON.stringify({ receiverPort: server.receiverPort, uiPort: server.uiPort })}\n`);
