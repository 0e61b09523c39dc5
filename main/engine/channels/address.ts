// Where a channel delivers, read from its URL (parse-url.ts). Every field here may be a credential: an address stays
// inside the engine (the sender and the secret store); what is shown is `maskedTarget` (mask.ts).
import type { ChannelKind } from '../../../shared/contract/channel.js';

export interface BasicAuth {
  user: string;
  password: string;
}

export type ChannelAddress =
  /** incoming webhook: posts to <base>/services/<a>/<b>/<c> */
  | { kind: 'slack'; tokens: [string, string, string] }
  | { kind: 'discord'; webhookId: string; webhookToken: string }
  /** a Teams Workflows ("When a Teams webhook request is received") URL, posted an Adaptive Card */
  | { kind: 'teams'; url: string }
  | { kind: 'telegram'; botToken: string; chatId: string }
  /** `server` is an origin (https://ntfy.sh); auth is a user and password, or an access token (tk_…) */
  | { kind: 'ntfy'; server: string; topic: string; auth?: BasicAuth | { token: string } }
  /** SMTP: `secure` is implicit TLS (mailtos, port 465); otherwise STARTTLS when the server offers it */
  | { kind: 'email'; host: string; port: number; secure: boolean; auth?: BasicAuth; from: string; to: string[] }
  /** a JSON POST signed per Standard Webhooks; the signing secret is kept beside the URL */
  | { kind: 'webhook'; url: string; auth?: BasicAuth };

export type AddressOf<K extends ChannelKind> = Extract<ChannelAddress, { kind: K }>;

/** The services' fixed origins, which SHELFWATCH_*_BASE replaces for a self-hosted relay or a test. */
export interface ServiceBases {
  slack: string;
  discord: string;
  telegram: string;
  /** replaces a Teams URL's origin (scheme, host and port), keeping its path and query */
  teams?: string;
}

export const DEFAULT_BASES: ServiceBases = {
  slack: 'https://hooks.slack.com',
  discord: 'https://discord.com',
  telegram: 'https://api.telegram.org',
};

/** The bases the server face's environment sets (SHELFWATCH_SLACK_BASE and the like), over the defaults. */
export function basesFromEnv(env: NodeJS.ProcessEnv): ServiceBases {
  const base = (name: string) => env[name]?.trim().replace(/\/+$/, '') || undefined;
  return {
    slack: base('SHELFWATCH_SLACK_BASE') ?? DEFAULT_BASES.slack,
    discord: base('SHELFWATCH_DISCORD_BASE') ?? DEFAULT_BASES.discord,
    telegram: base('SHELFWATCH_TELEGRAM_BASE') ?? DEFAULT_BASES.telegram,
    teams: base('SHELFWATCH_TEAMS_BASE'),
  };
}

/** The HTTP endpoint a web-hook kind posts to (e-mail has none). */
export function endpointOf(address: Exclude<ChannelAddress, { kind: 'email' }>, bases: ServiceBases): string {
  const part = encodeURIComponent;
  switch (address.kind) {
    case 'slack':
      return `${bases.slack}/services/${address.tokens.map(part).join('/')}`;
    case 'discord':
      return `${bases.discord}/api/webhooks/${part(address.webhookId)}/${part(address.webhookToken)}`;
    case 'telegram':
      return `${bases.telegram}/bot${address.botToken}/sendMessage`;
    case 'teams': {
      if (!bases.teams) return address.url;
      const url = new URL(address.url);
      return `${bases.teams}${url.pathname}${url.search}`;
    }
    case 'ntfy':
      // JSON publishing (to the server's root, the topic in the body): titles and tags in any script, no headers
      return `${address.server}/`;
    case 'webhook':
      return address.url;
  }
}
