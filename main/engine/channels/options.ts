// What the engine's caller may set for the alert channels (EngineOptions.channels). Apart from the rest of the
// channels' code, so the engine's types can name it without importing the code that uses them.
import type { ConnectionOptions } from 'node:tls';
import type { ServiceBases } from './address.js';
import type { RetryPolicy } from './retry-policy.js';
import type { ChannelSecretStore } from './secret-store.js';

export interface ChannelOptions {
  /** default: an encrypted file in the data folder (the desktop face passes one backed by safeStorage) */
  secrets?: ChannelSecretStore;
  /** SHELFWATCH_SLACK_BASE and the like: the services' origins for a self-hosted relay or a test */
  bases?: Partial<ServiceBases>;
  /** tests: shorter waits between attempts */
  retry?: Partial<RetryPolicy>;
  /** extra trust for mail servers' certificates (a company CA; tests' self-signed one) */
  smtpTls?: ConnectionOptions;
  /** how long one attempt may take (default 15 s) */
  timeoutMs?: number;
}
