// Starts fault-child.ts, loads it with postbacks, kills it; keeps a ledger of what was answered 200.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./fault-child.ts', import.meta.url));
export const FAULT_SECRET = 'fault-secret-0123456789abcdef';

export interface Child {
  process: ChildProcess;
  port: number;
  exited: Promise<void>;
}

export function startChild(dataDir: string, killAt = ''): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, FAULT_SECRET], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SHELFWATCH_KILL_AT: killAt },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ process: child, port: (JSON.parse(line) as { receiverPort: number }).receiverPort, exited });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    void exited.then(() => reject(new Error(`child exited before it was ready: ${errors}`)));
  });
}

export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}

/** The body for one item: constant per item, so a re-send is a byte-identical repeated delivery. */
export function itemBody(item: string): string {
  return JSON.stringify({
    Operation: 'Insert',
    CatalogId: '900',
    CatalogItemId: item,
    Name: `Name ${item}`,
    CurrentPrice: '12.34',
    StockAvailability: 'InStock',
    Inventory: '7',
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs one postback; resolves with the status, or 0 when the connection died. */
export function sendItem(port: number, item: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/postback/${FAULT_SECRET}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(itemBody(item));
  });
}

/**
 * `concurrency` loops send the `retries` first (impact.com re-sends what it got no 200 for), then new items, until
 * stopped or the child dies. Returns which items were answered 200 and which were not.
 */
export function loadUntilStopped(port: number, prefix: string, concurrency: number, retries: string[]) {
  const acknowledged: string[] = [];
  const unanswered: string[] = [];
  const queue = [...retries];
  let stopped = false;
  let counter = 0;
  const loop = async () => {
    while (!stopped) {
      const item = queue.shift() ?? `${prefix}-${counter++}`;
      const status = await sendItem(port, item);
      if (status === 200) acknowledged.push(item);
      else unanswered.push(item);
      if (status === 0) break;
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return { acknowledged, unanswered: [...unanswered, ...queue] };
    },
  };
}
