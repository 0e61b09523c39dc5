// Alert channels (issue 17), put together for the engine: the secret store, the sender over the outbox in store.db,
// and the UI API's channel methods. The outbox is written by apply (queue-alerts.ts); this part delivers it.
import type { Command } from '../journal/record.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import { DEFAULT_BASES } from './address.js';
import { channelMethods } from './channel-api.js';
import type { ChannelOptions } from './options.js';
import { DEFAULT_RETRY } from './retry-policy.js';
import { fileChannelSecretStore } from './secret-store.js';
import { ChannelSecrets } from './secrets.js';
import { ChannelSender } from './sender.js';

export type { ChannelOptions } from './options.js';
export type { ChannelSecretStore } from './secret-store.js';

export interface ChannelsDeps {
  store: Store;
  dataDir: string;
  options: ChannelOptions | undefined;
  run(command: Command): Promise<void>;
  clock(): number;
  log: Logger;
  /** the address paired browsers reach this hub's UI at, when a remote listener runs */
  hubUrl(): string | null;
}

export function openChannels(deps: ChannelsDeps) {
  const { store, options = {}, clock, log } = deps;
  const secrets = new ChannelSecrets(options.secrets ?? fileChannelSecretStore(deps.dataDir), log);
  const productLink = (key: string) => {
    const hub = deps.hubUrl();
    return hub ? `${hub.replace(/\/+$/, '')}/#/product/${encodeURIComponent(key)}` : undefined;
  };
  const sender = new ChannelSender({
    store,
    secrets,
    delivery: {
      bases: { ...DEFAULT_BASES, ...options.bases },
      render: { productLink },
      timeoutMs: options.timeoutMs ?? 15_000,
      smtpTls: options.smtpTls,
    },
    retry: { ...DEFAULT_RETRY, ...options.retry },
    clock,
    log,
  });
  return {
    sender,
    methods: channelMethods({ store, secrets, sender, run: deps.run, clock }),
    /** After replay: forget secrets no channel uses (a create or delete cut off midway), then start sending. */
    start({ forgetUnusedSecrets }: { forgetUnusedSecrets: boolean }): void {
      if (forgetUnusedSecrets) secrets.keepOnly(new Set(store.channels.list().map((channel) => channel.id)));
      sender.start();
    },
  };
}

export type Channels = ReturnType<typeof openChannels>;
