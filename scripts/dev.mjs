// `npm run dev`: the development loop. The server face runs from an esbuild watch build and restarts whenever the
// engine's code changes; the UI comes from Vite's dev server with hot reload, which forwards /api to the server.
// The server is started with --dev-origin so its Origin check trusts the Vite page; nothing else ever passes that.
// Data lives in .shelfwatch-dev/ (git-ignored), apart from the real app's folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { context } from 'esbuild';
import { createServer } from 'vite';
import { nodeTarget } from './node-target.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const VITE_PORT = Number(env.SHELFWATCH_DEV_VITE_PORT || 5173);
const UI_PORT = Number(env.SHELFWATCH_DEV_UI_PORT || 8798);
const RECEIVER_PORT = Number(env.SHELFWATCH_DEV_RECEIVER_PORT || 8797);
const DEV_ORIGIN = `http://localhost:${VITE_PORT}`;
const TOKEN = randomBytes(16).toString('hex');
const SERVE = path.join(ROOT, 'dist/dev/serve.mjs');

let server = null;
let restarting = Promise.resolve();

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM'); // the server finishes postbacks in flight and checkpoints before it exits
  await exited;
}

function startServer() {
  const args = [
    SERVE,
    ...['--data-dir', path.join(ROOT, '.shelfwatch-dev/data'), '--ui-token', TOKEN],
    ...['--ui-port', String(UI_PORT), '--receiver-port', String(RECEIVER_PORT), '--dev-origin', DEV_ORIGIN],
  ];
  server = spawn(process.execPath, ['--enable-source-maps', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const restartOnBuild = {
  name: 'restart-server',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return; // esbuild printed them; the last good server keeps running
      restarting = restarting.then(async () => {
        await stopServer();
        startServer();
        process.stdout.write(`dev: server (re)started on 127.0.0.1:${UI_PORT}\n`);
      });
    });
  },
};

const engine = await context({
  entryPoints: [path.join(ROOT, 'main/serve.ts')],
  outfile: SERVE,
  bundle: true,
  platform: 'node',
  target: nodeTarget(),
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [restartOnBuild],
});
await engine.watch();

const vite = await createServer({
  root: path.join(ROOT, 'renderer'),
  configFile: path.join(ROOT, 'vite.config.ts'),
  server: {
    port: VITE_PORT,
    strictPort: true,
    proxy: { '/api': { target: `http://127.0.0.1:${UI_PORT}`, changeOrigin: true } },
  },
});
await vite.listen();

process.stdout.write(`
Shelfwatch development loop
  UI (hot reload):  ${DEV_ORIGIN}/#token=${TOKEN}
  Postback URL:     see GET /api/setup, or the Setup view (receiver on 127.0.0.1:${RECEIVER_PORT})
  Data folder:      .shelfwatch-dev/data
Edit renderer/ and the page updates; edit main/ or shared/ and the server restarts. Ctrl-C stops both.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await engine.dispose();
    await restarting;
    await Promise.all([stopServer(), vite.close()]);
    process.exit(0);
  });
}
