// The hub for the fan-out figure: the server face (main/serve.ts bundled like `npm run serve` runs it) in its own
// process with a remote listener, so the followers' CPU (in the bench process) is not the hub's.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddedDevice } from '../../shared/contract/device.js';
import { bundledServer } from '../servers/bundle.js';

export const HUB_SECRET = 'fanout-secret-0123456789abcdef';
const HUB_TOKEN = 'fanout-token-0123456789abcdef';

export interface HubProcess {
  receiverPort: number;
  uiPort: number;
  remoteUrl: string;
  /** resident memory of the hub process (Linux: /proc) */
  rssBytes(): number;
  addDevice(name: string): Promise<AddedDevice>;
  stop(): Promise<void>;
}

export async function startHubProcess(dataDir: string): Promise<HubProcess> {
  const entry = await bundledServer('hub');
  const args = [entry, '--data-dir', dataDir, '--receiver-port', '0', '--ui-port', '0', '--remote-port', '0'];
  args.push('--remote-host', '127.0.0.1', '--secret', HUB_SECRET, '--ui-token', HUB_TOKEN);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SHELFWATCH_')));
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const banner = await readBanner(child);
  const receiverPort = Number(new URL(banner.postbackUrl).port);
  const uiPort = Number(new URL(banner.uiUrl).port);
  return {
    receiverPort,
    uiPort,
    remoteUrl: banner.remoteUrl,
    rssBytes: () => rssOf(child.pid ?? 0),
    addDevice: (name) => adminPost<AddedDevice>(uiPort, '/api/devices', { name }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function readBanner(child: ChildProcess): Promise<{ postbackUrl: string; uiUrl: string; remoteUrl: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${output}`)), 60_000);
    const check = () => {
      const postbackUrl = /Postback URL:\s+(\S+)/.exec(output)?.[1];
      const uiUrl = /UI:\s+(\S+)/.exec(output)?.[1];
      const remoteUrl = /Devices follow this hub at (\S+)/.exec(output)?.[1];
      if (postbackUrl && uiUrl && remoteUrl && output.includes('Data folder:')) {
        clearTimeout(timer);
        resolve({ postbackUrl, uiUrl, remoteUrl });
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      check();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}):\n${output}`)));
  });
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function adminPost<T>(uiPort: number, pathname: string, body: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: uiPort,
        path: pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${HUB_TOKEN}`, 'content-type': 'application/json' },
      },
      (res) => {
        let answer = '';
        res.on('data', (chunk) => {
          answer += chunk;
        });
        res.on('end', () =>
          (res.statusCode ?? 0) < 300 ? resolve(JSON.parse(answer) as T) : reject(new Error(answer)),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
