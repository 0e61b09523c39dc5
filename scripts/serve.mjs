// `npm run serve` runs the built server face through this launcher so that stopping npm stops Shelfwatch.
// npm passes SIGTERM/SIGINT only to the shell it ran the script in, and that shell (dash, Debian's sh) dies without
// passing them on: the server was left running under pid 1, holding its ports and the data folder's lock. So the
// launcher forwards the signals it gets, and when its own shell goes away (npm was stopped) it stops the server as
// if told SIGTERM; it then exits with the server's code. A plain `exec node …` would do on POSIX but not in cmd.exe.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../dist/main/serve.mjs', import.meta.url));
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** how often the launcher looks whether the shell npm started it from is still there */
const PARENT_CHECK_MS = 500;

const server = spawn(process.execPath, [...process.execArgv, SERVER, ...process.argv.slice(2)], { stdio: 'inherit' });
const stop = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of FORWARDED) process.on(signal, () => stop(signal));

// On Windows a parent's exit is not seen this way (no re-parenting); there, Ctrl+C reaches the server directly.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, PARENT_CHECK_MS);
watch.unref();

server.on('error', (error) => {
  process.stderr.write(`Shelfwatch could not start ${SERVER}: ${error.message}\n`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  clearInterval(watch);
  // A server that a signal ended ends the launcher the same way, so a supervisor sees what it would have seen.
  if (signal) {
    for (const name of FORWARDED) process.removeAllListeners(name);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
