// The UI API's channel methods. A channel's URL is taken once (createChannel): kept in the secret store first,
// durably, then the channel (without it) is journaled; replay rebuilds the channel and finds the URL by id.
// Every method is for the hub's own UI only: a paired device gets 403 (the caller checks, see service.ts).
import { randomUUID } from 'node:crypto';
import {
  type Channel,
  type ChannelInput,
  type ChannelPatch,
  type CreatedChannel,
  DEFAULT_DIGEST_SECONDS,
  type StoredChannel,
} from '../../../shared/contract/channel.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { Command } from '../journal/record.js';
import type { ChannelRecord } from '../store/db/channels.js';
import type { Store } from '../store/store.js';
import { newSigningSecret } from './deliver/signature.js';
import { maskedTarget } from './mask.js';
import { parseChannelUrl } from './parse-url.js';
import type { ChannelSecrets } from './secrets.js';
import type { ChannelSender } from './sender.js';

export interface ChannelApiDeps {
  store: Store;
  secrets: ChannelSecrets;
  sender: ChannelSender;
  run(command: Command): Promise<void>;
  clock(): number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function channelView(store: Store, record: ChannelRecord): Channel {
  const { lastSentAt, lastError, lastErrorAt, ...channel } = record;
  const counts = store.outbox.counts(record.id);
  return {
    ...channel,
    status: {
      pending: counts.waiting,
      failed: counts.failed,
      lastSentAt: iso(lastSentAt),
      lastError,
      lastErrorAt: iso(lastErrorAt),
    },
  };
}

export function channelMethods(deps: ChannelApiDeps) {
  const { store, secrets, sender } = deps;
  const find = (id: string): ChannelRecord => {
    const channel = store.channels.get(id);
    if (!channel) throw new ApiError(404, 'That channel no longer exists.');
    return channel;
  };
  const view = (id: string) => channelView(store, find(id));

  return {
    listChannels: async () => ({ items: store.channels.list().map((channel) => channelView(store, channel)) }),
    createChannel: async (input: ChannelInput): Promise<CreatedChannel> => {
      const parsed = parseChannelUrl(input.url);
      if (!parsed.ok) throw new ApiError(400, parsed.problem);
      const channel: StoredChannel = {
        id: randomUUID(),
        name: input.name,
        kind: parsed.address.kind,
        target: maskedTarget(parsed.address),
        filter: input.filter ?? {},
        digestSeconds: input.digestSeconds ?? DEFAULT_DIGEST_SECONDS,
        enabled: true,
        createdAt: new Date(deps.clock()).toISOString(),
      };
      const signingSecret = channel.kind === 'webhook' ? newSigningSecret() : undefined;
      // The secret first: once the command is journaled, replay may rebuild the channel at any start. Should the
      // command fail, the secret stays until the next start forgets it (the command may be journaled nonetheless).
      secrets.put(channel.id, signingSecret ? { url: input.url, signingSecret } : { url: input.url });
      await deps.run({ kind: 'createChannel', channel });
      return signingSecret ? { ...view(channel.id), signingSecret } : view(channel.id);
    },
    updateChannel: async ({ id, ...patch }: { id: string } & ChannelPatch) => {
      find(id);
      await deps.run({ kind: 'updateChannel', id, patch });
      sender.wake();
      return view(id);
    },
    deleteChannel: async ({ id }: { id: string }) => {
      const exists = store.channels.get(id) !== undefined;
      if (exists) await deps.run({ kind: 'deleteChannel', id });
      secrets.remove(id);
      return { deleted: exists };
    },
    testChannel: async ({ id }: { id: string }) => {
      const outcome = await sender.test(find(id), `test_${randomUUID()}`);
      if (!outcome.ok) throw new ApiError(502, `The test message was not delivered. ${outcome.problem}.`);
      return { delivered: true as const, channel: view(id) };
    },
  };
}
