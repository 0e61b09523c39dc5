// The postback URL's secret: one given by a flag or the environment wins until the user makes a new one.
import type { EngineSecrets } from '../secrets/engine-secrets.js';

export class PostbackSecret {
  private override: string | undefined;

  constructor(
    private readonly secrets: EngineSecrets,
    override: string | undefined,
  ) {
    this.override = override || undefined;
  }

  current(): string {
    return this.override ?? this.secrets.secret;
  }

  /** A new stored secret, in force from now on, whatever the flag or the environment said. */
  regenerate(): void {
    this.secrets.regenerateSecret();
    this.override = undefined;
  }
}
