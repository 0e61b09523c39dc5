export { pruneSegments } from './prune.js';
export { type ReadResult, readJournal } from './reader.js';
export type { Command, JournalRecord, RecordBody, StoredRecord } from './record.js';
export { JournalWriter } from './writer.js';
