// What the journal holds: every acknowledged postback and every user command, in order. Replaying the journal
// from the start reproduces the store exactly, so the store is only a materialized view of it.
import type { SettingsPatch, WatchPatch } from '../../../shared/api.js';
import type { RawRequest, Watch } from '../../../shared/model.js';

export type Command =
  | { kind: 'createWatch'; watch: Watch }
  | { kind: 'updateWatch'; id: string; patch: WatchPatch }
  | { kind: 'deleteWatch'; id: string }
  | { kind: 'updateSettings'; patch: SettingsPatch }
  /** `device` defaults to this computer's own UI; `through` is the newest entry id "all" covers (absent: all) */
  | { kind: 'markRead'; ids?: string[]; all?: boolean; device?: string; through?: string }
  | { kind: 'reprocessQuarantine' }
  /** a device to pair: only the hash of its one-time code is kept */
  | {
      kind: 'addDevice';
      device: { id: string; name: string; createdAt: string; codeHash: string; codeExpiresAt: string };
    }
  /** the device used its code: only the hash of its token is kept */
  | { kind: 'pairDevice'; id: string; tokenHash: string; name?: string; at: string }
  | { kind: 'revokeDevice'; id: string };

export type RecordBody = { type: 'postback'; raw: RawRequest } | { type: 'command'; command: Command };

/** `at` is the receive time in ms since the epoch: ingest uses it instead of a clock, so replay is deterministic. */
export type JournalRecord = RecordBody & { seq: number; at: number };
