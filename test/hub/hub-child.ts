// The built server face as a hub in a child process, on fixed ports (a hub restarted after kill -9 must come back
// where its followers look), with its local UI API for the admin side of pairing.
import net from 'node:net';
import path from 'node:path';
import type { AddedDevice } from '../../shared/contract/device.js';
import { ensureBuilt } from '../e2e/build.js';
import { type ServeChild, startServeChild } from '../e2e/serve-child.js';
import { request } from '../helpers/http.js';

export const HUB_SECRET = 'hub-secret-0123456789abcdef';
export const HUB_TOKEN = 'hub-token-0123456789abcdef';

export interface HubPorts {
  receiver: number;
  ui: number;
  remote: number;
}

export async function freePorts(): Promise<HubPorts> {
  const one = () =>
    new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
  return { receiver: await one(), ui: await one(), remote: await one() };
}

export async function startHub(
  dataDir: string,
  ports: HubPorts,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<ServeChild> {
  ensureBuilt();
  return startServeChild({
    dataDir: path.resolve(dataDir),
    secret: HUB_SECRET,
    uiToken: HUB_TOKEN,
    receiverPort: ports.receiver,
    uiPort: ports.ui,
    args: ['--remote-port', String(ports.remote), '--remote-host', '127.0.0.1', ...extra],
    env,
  });
}

/** The hub's own (admin) UI API on loopback. */
export async function adminApi<T>(
  ports: HubPorts,
  pathAndQuery: string,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await request(`http://127.0.0.1:${ports.ui}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${HUB_TOKEN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status >= 400) throw new Error(`${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

export function addDevice(ports: HubPorts, name: string): Promise<AddedDevice> {
  return adminApi<AddedDevice>(ports, '/api/devices', { method: 'POST', body: { name } });
}
