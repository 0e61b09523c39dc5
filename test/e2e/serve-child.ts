// The real server face (`node dist/main/serve.mjs`) as a child process on ephemeral ports: the banner it prints is
// how a user finds the postback URL and the UI link, so the test reads the same two lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT, SERVE_ENTRY } from './build.js';

export interface ServeChild {
  postbackUrl: string;
  uiUrl: string;
  /** the hub's remote listener, when `args` asked for one (--remote-port) */
  remoteUrl: string | null;
  pid: number;
  /** everything it printed so far */
  output(): string;
  stop(): Promise<void>;
}

export interface ServeChildOptions {
  dataDir: string;
  secret: string;
  uiToken: string;
  startTimeoutMs?: number;
  /** more flags, e.g. ['--remote-port', '0'] */
  args?: string[];
  /** fixed ports instead of ephemeral ones (a restarted hub must stay where its followers look) */
  receiverPort?: number;
  uiPort?: number;
  /** environment-only settings, e.g. SHELFWATCH_IMPACT_API_BASE (a token must not show in a process list) */
  env?: Record<string, string>;
  /** how to run it with these flags (default: `node dist/main/serve.mjs` in the repository) */
  command?: (flags: string[]) => { file: string; args: string[]; cwd: string };
}

const builtServer = (flags: string[]) => ({ file: process.execPath, args: [SERVE_ENTRY, ...flags], cwd: ROOT });

export async function startServeChild(options: ServeChildOptions): Promise<ServeChild> {
  const flags = ['--data-dir', options.dataDir];
  flags.push('--receiver-port', String(options.receiverPort ?? 0), '--ui-port', String(options.uiPort ?? 0));
  flags.push('--secret', options.secret, '--ui-token', options.uiToken, ...(options.args ?? []));
  const { file, args, cwd } = (options.command ?? builtServer)(flags);
  // No SHELFWATCH_* from the developer's shell: the flags above and `env` are the whole configuration.
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('SHELFWATCH_'));
  const env = { ...Object.fromEntries(inherited), ...options.env };
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  try {
    const urls = await readBanner(child, () => output, options.startTimeoutMs ?? 30_000);
    const remoteUrl = /Devices follow this hub at (\S+)/.exec(output)?.[1] ?? null;
    return { ...urls, remoteUrl, pid: child.pid ?? 0, output: () => output, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function readBanner(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<{ postbackUrl: string; uiUrl: string }> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
    };
    const check = () => {
      const postback = /Postback URL:\s+(\S+)/.exec(output());
      const ui = /UI:\s+(\S+)/.exec(output());
      if (postback?.[1] && ui?.[1] && /Data folder:/.test(output())) {
        done(null);
        resolve({ postbackUrl: postback[1], uiUrl: ui[1] });
      }
    };
    const onExit = (code: number | null) =>
      done(new Error(`serve.mjs exited (${code}) before it started:\n${output()}`));
    const timer = setTimeout(
      () => done(new Error(`serve.mjs did not print its banner in ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** SIGTERM lets it save and exit cleanly; SIGKILL only if it hangs, so no child outlives the test run. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
