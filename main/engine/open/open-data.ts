// The first part of opening an engine: the secrets, the store (documents and database, or the old store to upgrade
// from), the settings repaired, and the journal replayed onto the store, with whatever was recovered said in notices.
// On failure the store is closed again; the caller still holds the lock.
import { type PendingRecovery, recoveryNotices, salvageBeforeReplay } from '../backup/recovery.js';
import { tightenDataFolder } from '../data-folder.js';
import { journalEnd, type ReplayResult, replayJournal } from '../replay.js';
import { EngineSecrets } from '../secrets/engine-secrets.js';
import { moveHeaderValueToSecrets } from '../secrets/header-value.js';
import { mergeRepeatedRules, repairStoredSettings } from '../startup-repair.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { StoreData as StoredLegacy } from '../upgrade/legacy/state.js';
import type { EngineContext } from './context.js';

export interface OpenedData {
  store: Store;
  secrets: EngineSecrets;
  /** the previous version's store, when this folder still has to be upgraded (the journal then waits: catchUp) */
  legacy: StoredLegacy | null;
  /** what the store on disk covered when opened, before the replay */
  savedSeq: number;
  /** where the journal ends, and what the replay applied */
  replay: ReplayResult;
  /** what a damaged or missing store was recovered from, when it was */
  recovered: PendingRecovery | null;
  /** replays the journal onto the store (done here unless an upgrade must come first) */
  catchUp(): Promise<ReplayResult>;
  /** moves a receiver header value found in the store's settings into the secrets file */
  secureHeaderValue(): void;
  close(): void;
}

export async function openData(context: EngineContext): Promise<OpenedData> {
  const { options, dataDir, journalDir, fsys, clock, log, notices } = context;
  const secretsOptions = { dataDir, clock, log, secretOverride: (options.secret || undefined) !== undefined };
  const secrets = EngineSecrets.open(secretsOptions, notices);
  const { store, legacy, recovery, close } = await openStore({ dataDir, fsys, clock, log, notices });
  try {
    tightenDataFolder(dataDir, log);
    // Before replay: the documents as read are the older source of a header value than the journal's lines.
    const secureHeaderValue = () => moveHeaderValueToSecrets(store, secrets, dataDir, log);
    secureHeaderValue();
    const savedSeq = Math.min(store.appliedSeq, store.docs.appliedSeq);
    // Before replay: applying reads settings (retention), so they must be valid first.
    notices.push(...repairStoredSettings(store, log), ...mergeRepeatedRules(store, log));
    // An old store is upgraded after the engine is up (the UI shows progress); the journal waits until then.
    const catchUp = async () => {
      const replayed = await replayJournal(store, fsys, journalDir, log, notices, clock());
      secureHeaderValue();
      return replayed;
    };
    const recovered = legacy ? null : await salvageBeforeReplay(recovery, store, dataDir, fsys, log);
    const replay = legacy ? await journalEnd(fsys, journalDir, log) : await catchUp();
    if (recovered) notices.push(...recoveryNotices(recovered, store, clock()));
    return { store, secrets, legacy, savedSeq, replay, recovered, catchUp, secureHeaderValue, close };
  } catch (error) {
    close();
    throw error;
  }
}
