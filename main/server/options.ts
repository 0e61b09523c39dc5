// The server face's configuration: command-line flags win over SHELFWATCH_* variables, which win over defaults.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../engine/data-dir.js';

export interface ServeOptions {
  dataDir: string;
  receiverHost?: string;
  receiverPort?: number;
  uiPort: number;
  secret?: string;
  uiToken?: string;
  publicUrl?: string;
  /** `npm run dev` only: the Vite dev server's origin, trusted by the UI API's Origin check (never by default) */
  devOrigin?: string;
  checkpoint?: { quietMs: number; maxDelayMs: number };
}

export const USAGE = `Usage: npm run serve -- [options]
  --data-dir DIR        data folder (SHELFWATCH_DATA_DIR; default: the per-user app data folder)
  --receiver-host HOST  address the postback receiver listens on (SHELFWATCH_RECEIVER_HOST; default 127.0.0.1)
  --receiver-port PORT  postback receiver port (SHELFWATCH_RECEIVER_PORT; default 8787)
  --ui-port PORT        UI port, always on 127.0.0.1 (SHELFWATCH_UI_PORT; default 8788)
  --secret SECRET       postback URL secret (SHELFWATCH_SECRET; default: generated and stored)
  --ui-token TOKEN      UI API token (SHELFWATCH_UI_TOKEN; default: generated and stored)
  --public-url URL      the public address of your tunnel, shown in the postback URL (SHELFWATCH_PUBLIC_URL)
  --dev-origin URL      development only (npm run dev): also trust this origin, the Vite dev server's`;

export function readServeOptions(argv: string[], env: NodeJS.ProcessEnv): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'receiver-host': { type: 'string' },
      'receiver-port': { type: 'string' },
      'ui-port': { type: 'string' },
      secret: { type: 'string' },
      'ui-token': { type: 'string' },
      'public-url': { type: 'string' },
      'dev-origin': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new UsageError('');
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name] || undefined);
  const receiverPort = pick(values['receiver-port'], 'SHELFWATCH_RECEIVER_PORT');
  return {
    dataDir: pick(values['data-dir'], 'SHELFWATCH_DATA_DIR') ?? defaultDataDir(),
    receiverHost: pick(values['receiver-host'], 'SHELFWATCH_RECEIVER_HOST'),
    receiverPort: receiverPort === undefined ? undefined : port(receiverPort, 'receiver port'),
    uiPort: port(pick(values['ui-port'], 'SHELFWATCH_UI_PORT') ?? '8788', 'UI port'),
    secret: pick(values.secret, 'SHELFWATCH_SECRET'),
    uiToken: pick(values['ui-token'], 'SHELFWATCH_UI_TOKEN'),
    publicUrl: pick(values['public-url'], 'SHELFWATCH_PUBLIC_URL'),
    // a flag only, no environment variable: trusting another origin must be asked for on the command line
    devOrigin: values['dev-origin'] === undefined ? undefined : devOrigin(values['dev-origin']),
  };
}

export class UsageError extends Error {}

function port(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new UsageError(`Invalid ${what}: ${text}`);
  return value;
}

/** Only a loopback http origin can be the dev server's. */
function devOrigin(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url?.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new UsageError(`Invalid dev origin (a loopback http origin, e.g. http://localhost:5173): ${text}`);
  }
  return url.origin;
}
