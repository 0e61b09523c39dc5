// `npm run serve`: the engine under plain Node, for an always-on machine, with the UI in any local browser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { banner } from './server/banner.js';
import { consoleLogger } from './server/console-logger.js';
import { readServeOptions, USAGE, UsageError } from './server/options.js';
import { startServer } from './server/start.js';

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.resolve(here, '../renderer'); // dist/main/serve.mjs → dist/renderer
  const options = readServeOptions(process.argv.slice(2), process.env);
  const server = await startServer(options, rendererDir, consoleLogger);
  const setup = await server.engine.api.setup(undefined);
  process.stdout.write(banner(setup, server.uiUrl, server.remote));
  process.stdout.write(`  Data folder: ${options.dataDir}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: finishing postbacks in flight and saving…\n`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error & { code?: string }) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    process.exit(error.message ? 2 : 0);
  }
  // System errors (a code such as EADDRINUSE, EROFS, EIO) and the lock say what is wrong; only bugs need the stack.
  const explained = typeof error.code === 'string';
  process.stderr.write(`Shelfwatch could not start: ${explained ? error.message : (error.stack ?? error.message)}\n`);
  process.exit(1);
});
