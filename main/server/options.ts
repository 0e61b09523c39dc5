// The server face's configuration: command-line flags win over SHELFWATCH_* variables, which win over defaults.
import { parseArgs } from 'node:util';
import { basesFromEnv, type ChannelOptions, defaultDataDir } from '../engine/index.js';

export interface ServeOptions {
  dataDir: string;
  receiverHost?: string;
  receiverPort?: number;
  /** which flag or variable set the receiver's host and port, for the Settings view */
  setBy?: { receiverHost?: string; receiverPort?: string };
  uiPort: number;
  secret?: string;
  uiToken?: string;
  publicUrl?: string;
  /** `npm run dev` only: the Vite dev server's origin, trusted by the UI API's Origin check (never by default) */
  devOrigin?: string;
  checkpoint?: { quietMs: number; maxDelayMs: number };
  /** no log line per postback (--quiet) */
  quiet?: boolean;
  /** the hub's remote listener for devices that follow it; absent: none */
  remote?: RemoteOptions;
  /** impact.com's Partner API (SHELFWATCH_IMPACT_*; environment only: a token must not show in a process list) */
  impact?: { apiBase?: string; preset?: { accountSid: string; authToken: string } };
  /** alert channels: SHELFWATCH_SLACK_BASE, _DISCORD_BASE, _TELEGRAM_BASE, _TEAMS_BASE (self-hosted relays, tests) */
  channels?: ChannelOptions;
  /** reading the partner's sites: the pause between two requests to one host */
  pages?: { delayMs: number };
}

export interface RemoteOptions {
  port: number;
  host: string;
  /** the address devices reach the listener at (shown in pairing links) */
  url?: string;
  /** plain HTTP behind a TLS-terminating proxy (a warning is printed) */
  plain: boolean;
  tlsCert?: string;
  tlsKey?: string;
}

export const USAGE = `Usage: npm run serve -- [options]
  --data-dir DIR        data folder (SHELFWATCH_DATA_DIR; default: the per-user app data folder)
  --receiver-host HOST  address the postback receiver listens on (SHELFWATCH_RECEIVER_HOST; default 127.0.0.1)
  --receiver-port PORT  postback receiver port (SHELFWATCH_RECEIVER_PORT; default 8787)
  --ui-port PORT        UI port, always on 127.0.0.1 (SHELFWATCH_UI_PORT; default 8788)
  --secret SECRET       postback URL secret (SHELFWATCH_SECRET; default: generated and stored)
  --ui-token TOKEN      UI API token (SHELFWATCH_UI_TOKEN; default: generated and stored)
  --public-url URL      the public address of your tunnel, shown in the postback URL (SHELFWATCH_PUBLIC_URL)
  --quiet               no log line per postback, only warnings and errors (SHELFWATCH_QUIET=1)
  --page-delay-ms MS    pause between two requests to one of your sites (SHELFWATCH_PAGE_DELAY_MS; default 1000)
Run a hub that desktops and browsers follow:
  --remote-port PORT    listen for devices on this port (SHELFWATCH_REMOTE_PORT; default: no remote listener)
  --remote-host HOST    address of that listener (SHELFWATCH_REMOTE_HOST; default 0.0.0.0)
  --remote-url URL      the address devices reach it at, for pairing links (SHELFWATCH_REMOTE_URL)
  --tls-cert FILE       a certificate to serve instead of the generated one (SHELFWATCH_TLS_CERT)
  --tls-key FILE        its private key (SHELFWATCH_TLS_KEY)
  --remote-plain        plain HTTP, behind a TLS-terminating proxy only (SHELFWATCH_REMOTE_PLAIN=1)
Development:
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
      'page-delay-ms': { type: 'string' },
      'remote-port': { type: 'string' },
      'remote-host': { type: 'string' },
      'remote-url': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'remote-plain': { type: 'boolean' },
      quiet: { type: 'boolean' },
      'dev-origin': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new UsageError('');
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name] || undefined);
  /** "--receiver-port" when the flag gave the value, else the variable's name */
  const source = (flag: string | undefined, flagName: string, name: string) =>
    flag !== undefined ? flagName : env[name] ? name : undefined;
  const receiverPort = pick(values['receiver-port'], 'SHELFWATCH_RECEIVER_PORT');
  const remotePort = pick(values['remote-port'], 'SHELFWATCH_REMOTE_PORT');
  const remote: RemoteOptions | undefined =
    remotePort === undefined
      ? undefined
      : {
          port: port(remotePort, 'remote port'),
          host: pick(values['remote-host'], 'SHELFWATCH_REMOTE_HOST') ?? '0.0.0.0',
          url: pick(values['remote-url'], 'SHELFWATCH_REMOTE_URL'),
          plain: values['remote-plain'] ?? env.SHELFWATCH_REMOTE_PLAIN === '1',
          tlsCert: pick(values['tls-cert'], 'SHELFWATCH_TLS_CERT'),
          tlsKey: pick(values['tls-key'], 'SHELFWATCH_TLS_KEY'),
        };
  return {
    dataDir: pick(values['data-dir'], 'SHELFWATCH_DATA_DIR') ?? defaultDataDir(),
    receiverHost: pick(values['receiver-host'], 'SHELFWATCH_RECEIVER_HOST'),
    receiverPort: receiverPort === undefined ? undefined : port(receiverPort, 'receiver port'),
    setBy: {
      receiverHost: source(values['receiver-host'], '--receiver-host', 'SHELFWATCH_RECEIVER_HOST'),
      receiverPort: source(values['receiver-port'], '--receiver-port', 'SHELFWATCH_RECEIVER_PORT'),
    },
    uiPort: port(pick(values['ui-port'], 'SHELFWATCH_UI_PORT') ?? '8788', 'UI port'),
    secret: pick(values.secret, 'SHELFWATCH_SECRET'),
    uiToken: pick(values['ui-token'], 'SHELFWATCH_UI_TOKEN'),
    publicUrl: pick(values['public-url'], 'SHELFWATCH_PUBLIC_URL'),
    quiet: values.quiet ?? env.SHELFWATCH_QUIET === '1',
    remote,
    impact: impactOptions(env),
    channels: { bases: basesFromEnv(env) },
    pages: pageOptions(pick(values['page-delay-ms'], 'SHELFWATCH_PAGE_DELAY_MS')),
    // a flag only, no environment variable: trusting another origin must be asked for on the command line
    devOrigin: values['dev-origin'] === undefined ? undefined : devOrigin(values['dev-origin']),
  };
}

export class UsageError extends Error {}

function impactOptions(env: NodeJS.ProcessEnv): ServeOptions['impact'] {
  const sid = env.SHELFWATCH_IMPACT_SID || undefined;
  const token = env.SHELFWATCH_IMPACT_TOKEN || undefined;
  return {
    apiBase: env.SHELFWATCH_IMPACT_API_BASE || undefined,
    preset: sid && token ? { accountSid: sid, authToken: token } : undefined,
  };
}

function pageOptions(delay: string | undefined): ServeOptions['pages'] {
  if (delay === undefined) return undefined;
  const delayMs = Number(delay);
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000)
    throw new UsageError(`Invalid page delay (milliseconds, 0 to 60000): ${delay}`);
  return { delayMs };
}

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
