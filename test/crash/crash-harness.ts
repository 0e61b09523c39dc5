// Starts the server face in a child, loads it with concurrent postbacks, and kills it with SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child-server.ts', import.meta.url));
export const CRASH_SECRET = 'crash-secret-0123456789';

export interface Child {
  process: ChildProcess;
  receiverPort: number;
}

export function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, CRASH_SECRET], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ process: child, receiverPort: (JSON.parse(line) as { receiverPort: number }).receiverPort });
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${errors}`)));
  });
}

export function killHard(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs one postback; resolves with the status, or 0 when the connection died (the child was killed). */
export function sendPostback(port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/postback/${CRASH_SECRET}`,
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

/** Sends unique items from `concurrency` loops until `stop()` is called; records which ones got a 200. */
export function loadUntilStopped(port: number, prefix: string, concurrency: number) {
  const acknowledged: string[] = [];
  let stopped = false;
  let counter = 0;
  const loop = async () => {
    while (!stopped) {
      const item = `${prefix}-${counter++}`;
      const body = JSON.stringify({
        Operation: 'Insert',
        CatalogId: '900',
        CatalogItemId: item,
        CurrentPrice: '10.00',
        StockAvailability: 'InStock',
      });
      const status = await sendPostback(port, body);
      if (status === 200) acknowledged.push(item);
      if (status === 0) return;
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
