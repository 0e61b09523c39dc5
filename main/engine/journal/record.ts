// What the journal holds: every acknowledged postback and every user command, in order. Replaying the journal
// from the start reproduces the store exactly, so the store is only a materialized view of it. The record schema
// (and so these types) lives in shared/contract/journal.ts; records read back are checked with parseJournalRecord.
export type { Command, JournalRecord, RecordBody } from '../../../shared/contract/journal.js';

/** A line whose checksum held, before its shape is checked: the envelope every record has, the rest unknown. */
export type StoredRecord = { seq: number; at: number } & Record<string, unknown>;
