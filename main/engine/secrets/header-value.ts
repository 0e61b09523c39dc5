// The receiver's header secret lives with the postback secret (0600, both copies), never in the documents or the
// journal. Older versions kept it in the settings: in documents.json (or store.json, when upgrading) and in the
// journal's settings commands, in clear. Such a value is moved into the secrets at start-up and scrubbed from both
// documents files. Journal lines keep it until retention drops their segment: the journal is append-only and
// checksummed, the record of what was acknowledged, and is not rewritten. Replaying one of those lines later (a
// rebuild) never brings an older value back: a value is taken only when its journal position is newer than the one
// the secrets record (a value set in this version records the journal's end when it was set).
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../file-system.js';
import { DOCUMENTS_FILE } from '../store/documents.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../types.js';
import type { EngineSecrets } from './engine-secrets.js';

const DOCUMENTS_FILES = [DOCUMENTS_FILE, 'documents.prev.json'];

/**
 * Call after the documents were read (or copied from an old store) and again after replaying the journal: moves a
 * header value found in either into the secrets, and scrubs it from the documents (in memory and on disk).
 */
export function moveHeaderValueToSecrets(store: Store, secrets: EngineSecrets, dataDir: string, log: Logger): void {
  const found: { value: string; seq: number }[] = [];
  const inDocuments = store.docs.settings.receiver.headerValue;
  if (inDocuments) found.push({ value: inDocuments, seq: store.docs.appliedSeq });
  const journaled = store.takeJournaledHeaderValue();
  if (journaled) found.push(journaled);
  const newest = found.sort((a, b) => b.seq - a.seq)[0];
  if (newest && newest.seq > secrets.headerSeq) {
    secrets.setHeaderValue(newest.value, newest.seq);
    log.info('Moved the receiver’s header value to the secrets file', { fromJournalPosition: newest.seq });
  }
  if (!inDocuments) return;
  store.docs.settings.receiver.headerValue = '';
  store.documentsChanged();
  for (const name of DOCUMENTS_FILES) scrubDocumentsFile(path.join(dataDir, name), log);
}

/** Rewrites a documents file without its header value, nothing else changed (so never ahead of the database). */
function scrubDocumentsFile(file: string, log: Logger): void {
  let documents: { settings?: { receiver?: { headerValue?: unknown } } };
  try {
    documents = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return; // missing, or damaged (then it was moved aside when read)
  }
  const receiver = documents.settings?.receiver;
  if (typeof receiver?.headerValue !== 'string' || receiver.headerValue === '') return;
  receiver.headerValue = '';
  replaceFileSync(file, `${JSON.stringify(documents, null, 2)}\n`);
  log.info('Removed the header value from a documents file', { file: path.basename(file) });
}
