// The secrets kept beside the store: the postback URL's secret, the UI API token and the receiver's header secret.
// Never in the journal or the store, so a copied store or journal carries none. They are read at start-up from two
// copies (secrets-file.ts); a damaged or missing file is restored from the other, with a notice. Only when both are
// lost is a new postback secret made, and then the user is told loudly, until they acknowledge it, that the postback
// URL changed and must be updated in impact.com: every postback sent to the old URL gets 404.
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../../shared/contract/status.js';
import { newSecret } from '../receiver/secret.js';
import type { Logger } from '../types.js';
import { readSecrets, SECRETS_COPY, SECRETS_FILE, type StoredSecrets, writeSecrets } from './secrets-file.js';

export interface OpenSecretsOptions {
  dataDir: string;
  clock: () => number;
  log: Logger;
  /** the postback secret comes from a flag or the environment: a lost file does not change the URL */
  secretOverride?: boolean;
}

/** What a folder holds when it is not new: secrets made afresh there replace ones impact.com may be using. */
const DATA_FILES = ['documents.json', 'documents.prev.json', 'store.db', 'store.json', 'store.prev.json'];

export class EngineSecrets {
  private constructor(
    private readonly dataDir: string,
    private stored: StoredSecrets,
  ) {}

  /** Reads the secrets (making them in a new folder); `notices` gets what the user must be told. */
  static open({ dataDir, clock, log, secretOverride }: OpenSecretsOptions, notices: Notice[]): EngineSecrets {
    const read = readSecrets(dataDir, clock);
    const damaged = read.movedAside.length > 0 ? ` (the damaged file was moved aside as ${read.movedAside[0]})` : '';
    if (read.secrets) {
      const secrets = new EngineSecrets(dataDir, read.secrets);
      if (read.from === 'copy') {
        notices.push({
          code: 'secrets-restored',
          message: `${SECRETS_FILE} could not be read${damaged} and was restored from its copy ${SECRETS_COPY}. Your postback URL is unchanged.`,
        });
        log.warn('secrets: restored from the copy', { movedAside: read.movedAside });
      } else if (read.movedAside.length > 0) log.warn('secrets: the copy was damaged; written again', {});
      if (read.needsRewrite) secrets.save();
      return secrets;
    }
    const stored = { secret: newSecret(), uiToken: newSecret() } as StoredSecrets;
    if (hasData(dataDir) && !secretOverride) {
      stored.urlChangedAt = new Date(clock()).toISOString();
      log.error('secrets: both copies lost; a new postback secret was made. Update the postback URL in impact.com', {
        movedAside: read.movedAside,
      });
    }
    const secrets = new EngineSecrets(dataDir, stored);
    secrets.save();
    return secrets;
  }

  get secret(): string {
    return this.stored.secret;
  }

  get uiToken(): string {
    return this.stored.uiToken;
  }

  get headerValue(): string {
    return this.stored.header?.value ?? '';
  }

  /** The journal position the header value reflects; -1 when none was ever recorded (see header-value.ts). */
  get headerSeq(): number {
    return this.stored.header?.seq ?? -1;
  }

  /** Since when the postback URL has changed without the user acknowledging it; null when it has not. */
  get urlChangedAt(): string | null {
    return this.stored.urlChangedAt ?? null;
  }

  regenerateSecret(): void {
    this.change({ secret: newSecret() });
  }

  /** `seq`: the journal's last record when the value is set (older records cannot replace it). */
  setHeaderValue(value: string, seq: number): void {
    this.change({ header: { value, seq } });
  }

  acknowledgeUrlChange(): void {
    if (this.stored.urlChangedAt === undefined) return;
    const { urlChangedAt: _acknowledged, ...rest } = this.stored;
    this.replace(rest);
  }

  private change(patch: Partial<StoredSecrets>): void {
    this.replace({ ...this.stored, ...patch });
  }

  /** On disk (both copies) before it is in force: a change the user saw succeed survives a crash. */
  private replace(next: StoredSecrets): void {
    writeSecrets(this.dataDir, next);
    this.stored = next;
  }

  private save(): void {
    writeSecrets(this.dataDir, this.stored);
  }
}

function hasData(dataDir: string): boolean {
  if (DATA_FILES.some((name) => fs.existsSync(path.join(dataDir, name)))) return true;
  try {
    return fs.readdirSync(path.join(dataDir, 'journal')).length > 0;
  } catch {
    return false;
  }
}
