// The postback receiver: its app (one route, the secrets checked), where it listens (flags and the environment over
// the stored settings), and its postback URL. It listens only once the face asks (startReceiver).

import { createReceiverApp } from '../receiver/app.js';
import { type Listening, listen } from '../receiver/listen.js';
import { postbackUrl } from '../receiver/postback-url.js';
import type { EngineSecrets } from '../secrets/engine-secrets.js';
import type { Store } from '../store/store.js';
import type { EngineOptions, ReceiverAddress } from '../types.js';
import type { PostbackSecret } from './postback-secret.js';
import type { WritingPath } from './writing-path.js';

export interface ReceiverParts {
  options: Pick<EngineOptions, 'receiverHost' | 'receiverPort' | 'publicUrl'>;
  store: Store;
  secrets: EngineSecrets;
  postbackSecret: PostbackSecret;
  writer: WritingPath['writer'];
  clock: () => number;
  /** told once it listens (the status shows the port) */
  onListening: () => void;
}

export class EngineReceiver {
  private readonly app;
  private listening: Listening | null = null;

  constructor(private readonly parts: ReceiverParts) {
    const { store, secrets, postbackSecret, writer, clock } = parts;
    this.app = createReceiverApp({
      secrets: () => ({
        secret: postbackSecret.current(),
        headerName: store.settings.receiver.headerName,
        headerValue: secrets.headerValue,
        allowList: store.settings.receiver.allowList,
      }),
      persist: (raw) => writer.append({ type: 'postback', raw }, clock()),
      retryAfterSeconds: 30,
    });
  }

  /** Where it listens (or will): the settings, unless a flag or the environment says otherwise. */
  private configured(): { host: string; port: number } {
    const { options, store } = this.parts;
    return {
      host: options.receiverHost ?? store.settings.receiver.host,
      port: options.receiverPort ?? store.settings.receiver.port,
    };
  }

  private urlAt(host: string, port: number): string {
    return postbackUrl(this.parts.options.publicUrl, host, port, this.parts.postbackSecret.current());
  }

  /** For the status: the URL and the port it listens on, or the configured one before it does. */
  address(): { url: string; port: number } {
    const { host, port } = this.configured();
    const actualPort = this.listening?.port ?? port;
    return { url: this.urlAt(host, actualPort), port: actualPort };
  }

  async start(): Promise<ReceiverAddress> {
    const { host, port } = this.configured();
    this.listening = await listen(this.app, host, port);
    this.parts.onListening();
    return { host, port: this.listening.port, postbackUrl: this.urlAt(host, this.listening.port) };
  }

  async close(): Promise<void> {
    await this.listening?.close();
  }
}
