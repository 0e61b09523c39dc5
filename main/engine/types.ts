// The engine's public face: what main/index.ts (desktop) and main/serve.ts (server) wire up.
import type { UiApi } from '../../shared/contract/api.js';
import type { UiEvent } from '../../shared/contract/events.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { StreamPoint } from '../../shared/domain/stream-point.js';
import type { PostbackOutcome } from './apply/effects.js';
import type { ChannelOptions } from './channels/options.js';

export type { PostbackOutcome } from './apply/effects.js';

import type { FileSystem } from './file-system.js';
import type { ImpactClientOptions } from './impact/index.js';
import type { CredentialStore, ImpactCredentials } from './impact-link/credentials.js';
import type { PageScanOptions } from './pages/scan/scan-options.js';

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface EngineOptions {
  /** the folder that holds the journal, the store and the lock; one process at a time owns it */
  dataDir: string;
  /** overrides the stored secret (SHELFWATCH_SECRET); generated and stored when neither exists */
  secret?: string;
  /** overrides the stored receiver host/port (flags, SHELFWATCH_RECEIVER_*) */
  receiverHost?: string;
  receiverPort?: number;
  /** where an override above came from ("--receiver-port", "SHELFWATCH_RECEIVER_PORT"), for the Settings view */
  setBy?: { receiverHost?: string; receiverPort?: string };
  /** a public URL the user exposes the receiver at (tunnel); shown instead of the local one */
  publicUrl?: string;
  /** milliseconds since the epoch; injectable for tests */
  clock?: () => number;
  log?: Logger;
  /** overrides the stored UI API token (SHELFWATCH_UI_TOKEN) */
  uiToken?: string;
  /** how soon the store is written after changes (default 2 s quiet, at most 15 s); tests shorten it */
  checkpoint?: { quietMs: number; maxDelayMs: number };
  /** the first daily backup after start, when none was made in the last day (default 10 minutes) */
  backups?: { firstDelayMs?: number };
  /** impact.com's Partner API: where it is, where the credentials are kept, presets and test hooks */
  impact?: {
    /** SHELFWATCH_IMPACT_API_BASE; default https://api.impact.com */
    apiBase?: string;
    /** default: a 0600 file in the data folder (the desktop face passes Electron's safeStorage) */
    credentials?: CredentialStore;
    /** SHELFWATCH_IMPACT_SID and SHELFWATCH_IMPACT_TOKEN: used when no account is stored */
    preset?: ImpactCredentials;
    /** tests only: the client's clock, sleep and budget share */
    clientOptions?: Partial<ImpactClientOptions>;
  };
  /** alert channels: where their URLs are kept, the services' origins (SHELFWATCH_*_BASE), test hooks */
  channels?: ChannelOptions;
  /** the file operations of the journal and the store; tests inject faults here */
  fileSystem?: FileSystem;
  /** each postback once it is applied (not those replayed at start-up): the server face logs a line for each */
  onPostback?: (outcome: PostbackOutcome) => void;
  /** reading the partner's sites: the pause between requests to one host, caps, the daily scan; tests' fetch */
  pages?: Partial<PageScanOptions>;
}

export interface ReceiverAddress {
  host: string;
  port: number;
  /** the full postback URL including the secret */
  postbackUrl: string;
}

/** What the remote listener (the hub) needs of the engine besides the UI API. */
export interface EngineDevices {
  /** a device presents its one-time code: its token (401 ApiError for a wrong, used or expired code) */
  pair(code: string, name: string | undefined): Promise<{ deviceId: string; token: string }>;
  /** the device a token belongs to, or null (unknown or revoked) */
  authenticate(token: string, address: string): string | null;
  /** told the id of each device revoked (its open event streams must close) */
  onRevoked(listener: (deviceId: string) => void): () => void;
  /** the remote listener's address and certificate, for pairing links and the status; null: none runs */
  setRemote(remote: { url: string; fingerprint: string | null } | null): void;
}

export interface Engine {
  /** the UI API of this computer's own UI, shared by the IPC and HTTP transports */
  api: UiApi;
  /** the UI API as another device sees it (its own read state and unread count) */
  apiFor(device: string): UiApi;
  /** the bearer token the server face's HTTP UI API requires */
  uiToken: string;
  /** live events for the faces: feed entries, alerts, status (as `device` sees it); returns an unsubscribe function */
  subscribe(listener: (event: UiEvent) => void, device?: string): () => void;
  devices: EngineDevices;
  /** for an event stream resuming after `after`: the next feed entries, oldest first, or `reset` (see feed-page) */
  entriesAfter(after: StreamPoint, device: string, limit: number): { entries: FeedEntry[]; reset: boolean };
  /** every journal record up to this sequence number is applied */
  appliedSeq(): number;
  /** starts the postback receiver (Express) on the configured host and port */
  startReceiver(): Promise<ReceiverAddress>;
  /** stops taking postbacks, answers or refuses those in flight, checkpoints the store, releases the lock */
  close(): Promise<void>;
}
