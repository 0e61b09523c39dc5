// Starts a server under test in its own Node process (so the load generator's CPU is not the server's), reads its
// ready line, asks it for its memory, and stops it: gracefully first, SIGKILL if it does not go.
import { type ChildProcess, spawn } from 'node:child_process';
import { bundledServer, type ServerName } from './servers/bundle.js';
import type { ReadyLine } from './servers/protocol.js';

export interface StartOptions {
  args?: string[];
  /** extra Node flags, e.g. --cpu-prof */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}

export interface ChildServer {
  name: ServerName;
  ready: ReadyLine;
  /** wall time from spawn() to the ready line: Node start-up, module loading, opening the store */
  spawnToReadyMs: number;
  receiverPort: number;
  uiPort: number;
  residentBytes(): Promise<number>;
  /** resident memory, and the longest event-loop stall since the last call (or since ready) */
  memory(): Promise<{ rssBytes: number; longestStallMs: number }>;
  stop(options?: { hard?: boolean; graceMs?: number }): Promise<void>;
}

/** Every child not yet stopped: the bench's finally block and signal handlers stop them all. */
const live = new Set<ChildProcess>();

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child, { hard: true })));
}

export async function startChildServer(name: ServerName, options: StartOptions = {}): Promise<ChildServer> {
  const script = await bundledServer(name);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...(options.nodeFlags ?? []), script, ...(options.args ?? [])],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  const lines = lineReader(child);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });

  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child, { hard: true });
      reject(new Error(`${name} was not ready within ${options.readyTimeoutMs ?? 120_000} ms: ${errors}`));
    }, options.readyTimeoutMs ?? 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready: ${errors}`));
    };
    child.once('exit', onExit);
    lines.next('ready').then((line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      const ready = line as ReadyLine;
      resolve({
        name,
        ready,
        spawnToReadyMs: performance.now() - started,
        receiverPort: Number(ready.receiverPort),
        uiPort: Number(ready.uiPort ?? 0),
        residentBytes: async () => {
          child.stdin?.write('mem\n');
          return Number((await lines.next('mem')).rssBytes);
        },
        memory: async () => {
          child.stdin?.write('mem\n');
          const line = await lines.next('mem');
          return { rssBytes: Number(line.rssBytes), longestStallMs: Number(line.longestStallMs) };
        },
        stop: (stopOptions) => stopChild(child, stopOptions ?? {}),
      });
    }, reject);
  });
}

/** Hands out the child's JSON stdout lines that carry a given flag, in order. */
function lineReader(child: ChildProcess) {
  const waiting: { flag: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end = buffered.indexOf('\n');
    while (end !== -1) {
      const text = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\n');
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      const at = waiting.findIndex((waiter) => line[waiter.flag] === true);
      if (at !== -1) waiting.splice(at, 1)[0]?.resolve(line);
    }
  });
  return {
    next: (flag: string) => new Promise<Record<string, unknown>>((resolve) => waiting.push({ flag, resolve })),
  };
}

function stopChild(child: ChildProcess, { hard = false, graceMs = 30_000 }): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), hard ? 0 : graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (!hard) child.kill('SIGTERM');
  });
}
