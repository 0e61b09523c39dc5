// The channel secrets in memory, over their store: written through (durably) before a change is journaled, read by
// the sender at each attempt. A secret whose channel does not exist (a create cut off between the two steps, a
// delete cut off after its command) is dropped at start-up.
import type { Logger } from '../types.js';
import type { ChannelSecret } from './deliver/deliver.js';
import type { ChannelSecretMap, ChannelSecretStore } from './secret-store.js';

export class ChannelSecrets {
  private secrets: ChannelSecretMap;

  constructor(
    private readonly store: ChannelSecretStore,
    log: Logger,
  ) {
    try {
      this.secrets = store.load();
    } catch (error) {
      // Channels stay; their messages wait and then fail saying the address is missing. Never the file's content.
      log.error('The channels’ addresses could not be read', { error: (error as Error).message });
      this.secrets = {};
    }
  }

  get(id: string): ChannelSecret | undefined {
    return this.secrets[id];
  }

  /** Kept durably before it returns; throws (nothing changed) when the store cannot keep it. */
  put(id: string, secret: ChannelSecret): void {
    this.write({ ...this.secrets, [id]: secret });
  }

  remove(id: string): void {
    if (!(id in this.secrets)) return;
    const { [id]: _gone, ...rest } = this.secrets;
    this.write(rest);
  }

  /** Drops the secrets of channels that do not exist. */
  keepOnly(ids: ReadonlySet<string>): void {
    const kept = Object.fromEntries(Object.entries(this.secrets).filter(([id]) => ids.has(id)));
    if (Object.keys(kept).length !== Object.keys(this.secrets).length) this.write(kept);
  }

  private write(next: ChannelSecretMap): void {
    this.store.save(next);
    this.secrets = next;
  }
}
