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

/**
 * Starts fault-child.ts with a kill point (or none: '' ). `killed` resolves true once it died of SIGKILL, false when
 * it was still alive after `giveUpMs` (the point was never reached; it is then killed here).
 */
export function startKillable(dataDir: string, killAt: string, giveUpMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, FAULT_SECRET], {
    stdio: 'ignore',
    env: { ...process.env, SHELFWATCH_KILL_AT: killAt },
  });
  let gaveUp = false;
  const giveUp = setTimeout(() => {
    gaveUp = true;
    child.kill('SIGKILL');
  }, giveUpMs);
  const killed = new Promise<boolean>((resolve) => {
    child.once('exit', () => {
      clearTimeout(giveUp);
      resolve(!gaveUp && child.signalCode === 'SIGKILL');
    });
  });
  return { kill: () => child.kill('SIGKILL'), killed };
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

/** One item flips stock (and price) with every step, sent one step at a time: the last word must always win. */
export const FLIP_ITEM = 'flip-lamp';

export function flipBody(step: number): string {
  return JSON.stringify({
    Operation: 'Update',
    CatalogId: '900',
    CatalogItemId: FLIP_ITEM,
    Name: 'Flip lamp',
    CurrentPrice: step % 4 < 2 ? '85.00' : '79.00',
    StockAvailability: step % 2 === 0 ? 'InStock' : 'OutofStock',
  });
}

/** The flip sequence across kills: the next step to send (an unanswered one is sent again) and the last answered. */
export interface FlipLedger {
  next: number;
  acknowledged: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs one postback; resolves with the status, or 0 when the connection died. */
export function sendItem(port: number, item: string, body = itemBody(item)): Promise<number> {
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
    req.end(body);
  });
}

/**
 * `concurrency` loops send the `retries` first (impact.com re-sends what it got no 200 for), then new items, until
 * stopped or the child dies. Returns which items were answered 200 and which were not.
 */
export function loadUntilStopped(
  port: number,
  prefix: string,
  concurrency: number,
  retries: string[],
  flip?: FlipLedger,
) {
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
  // The flip item's steps go one at a time, each after the previous one was answered, as a brand's updates would.
  const flipLoop = async () => {
    while (!stopped && flip) {
      const status = await sendItem(port, FLIP_ITEM, flipBody(flip.next));
      if (status === 200) flip.acknowledged = flip.next++;
      if (status === 0) break;
    }
  };
  const loops = [...Array.from({ length: concurrency }, loop), flipLoop()];
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return { acknowledged, unanswered: [...unanswered, ...queue] };
    },
  };
}
