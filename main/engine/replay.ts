// Start-up: the journal records the store does not reflect yet are applied, in order, in batches (a run of
// postbacks per transaction, each command on its own). Each is first checked against today's schema: the journal is
// the source of truth, so a bad record from the past (a settings patch written before the schemas existed) must not
// fail start-up or be applied forever; it is skipped, logged in full, and reported once. A torn last line (a write
// cut off by a crash; never acknowledged) is cut off; damaged lines inside a segment are skipped and reported.
import fs from 'node:fs';
import { parseJournalRecord, type RefusedRecord } from '../../shared/contract/journal.js';
import type { Notice } from '../../shared/contract/status.js';
import { applyRecords, skipRecord } from './apply/index.js';
import type { FileSystem } from './file-system.js';
import { readJournal } from './journal/index.js';
import type { JournalRecord } from './journal/record.js';
import type { Store } from './store/store.js';
import type { Logger } from './types.js';

const BATCH = 2_000;
const MAX_NOTICES = 5;

export interface ReplayResult {
  /** the last sequence number in the journal */
  lastSeq: number;
  /** records applied (or skipped as refused) now */
  applied: number;
}

/** Only where the journal ends (for a store that is not ready to apply it yet); a torn last line is cut off. */
export async function journalEnd(fsys: FileSystem, journalDir: string, log: Logger): Promise<ReplayResult> {
  const result = await readJournal(fsys, journalDir, Number.MAX_SAFE_INTEGER, () => {});
  cutTornTail(result, log);
  return { lastSeq: result.lastSeq, applied: 0 };
}

export async function replayJournal(
  store: Store,
  fsys: FileSystem,
  journalDir: string,
  log: Logger,
  notices: Notice[],
  now: number,
): Promise<ReplayResult> {
  const from = Math.min(store.appliedSeq, store.docs.appliedSeq);
  const refused: RefusedRecord[] = [];
  let batch: JournalRecord[] = [];
  let applied = 0;
  const flush = () => {
    if (batch.length === 0) return;
    applyRecords(store, batch);
    applied += batch.length;
    batch = [];
  };
  const result = await readJournal(fsys, journalDir, from, (stored) => {
    const parsed = parseJournalRecord(stored);
    if (!parsed.ok) {
      flush();
      refused.push(parsed.refused);
      skipRecord(store, stored.seq);
      applied++;
    } else if (parsed.record.type === 'command') {
      flush();
      batch = [parsed.record];
      flush();
    } else {
      batch.push(parsed.record);
      if (batch.length >= BATCH) flush();
    }
  });
  flush();
  cutTornTail(result, log);
  if (result.damaged > 0) {
    const message = `${result.damaged} damaged journal record(s) could not be read and were skipped.`;
    notices.push({ code: 'journal-damaged', message });
    log.error('Damaged journal records skipped', { damaged: result.damaged });
  }
  for (const record of refused) {
    log.warn('journal: skipped a record that today’s schema refuses', {
      seq: record.seq,
      kind: record.kind,
      at: new Date(record.at).toISOString(),
      problem: record.problem,
    });
  }
  notices.push(...refusedNotices(refused, now).map((message) => ({ code: 'journal-refused' as const, message })));
  if (applied > 0) log.info('Applied journal records the store did not reflect yet', { records: applied });
  return { lastSeq: result.lastSeq, applied };
}

function cutTornTail(result: Awaited<ReturnType<typeof readJournal>>, log: Logger): void {
  if (!result.tornTail) return;
  fs.truncateSync(result.tornTail.path, result.tornTail.goodLength);
  log.warn('Dropped a torn last journal line (a write cut off by a crash; it was never acknowledged)');
}

const WHAT: Record<string, [one: string, many: string]> = {
  updateSettings: ['A settings change', 'settings changes'],
  createWatch: ['A new watch', 'new watches'],
  updateWatch: ['A change to a watch', 'changes to watches'],
  deleteWatch: ['A watch removal', 'watch removals'],
  markRead: ['A "mark as read"', '"mark as read" requests'],
  undoMarkRead: ['An undo of "mark all read"', 'undos of "mark all read"'],
  dismissQuarantine: [
    'A dismissal of postbacks that needed attention',
    'dismissals of postbacks that needed attention',
  ],
  reprocessQuarantine: ['A quarantine re-processing', 'quarantine re-processings'],
  addDevice: ['A new device', 'new devices'],
  pairDevice: ['A device pairing', 'device pairings'],
  revokeDevice: ['A device revocation', 'device revocations'],
  postback: ['A received postback', 'received postbacks'],
};

/** "A settings change from 2 Dec could not be applied and was ignored.", grouped by kind and day. */
function refusedNotices(refused: readonly RefusedRecord[], now: number): string[] {
  const groups = new Map<string, { kind: string; day: string; count: number }>();
  for (const record of refused) {
    const day = dayOf(record.at, now);
    const group = groups.get(`${record.kind}\n${day}`) ?? { kind: record.kind, day, count: 0 };
    group.count++;
    groups.set(`${record.kind}\n${day}`, group);
  }
  const lines = [...groups.values()].map(({ kind, day, count }) => {
    const [one, many] = WHAT[kind] ?? ['A journal record', 'journal records'];
    return count === 1
      ? `${one} from ${day} could not be applied and was ignored.`
      : `${count} ${many} from ${day} could not be applied and were ignored.`;
  });
  if (lines.length <= MAX_NOTICES) return lines;
  const rest = lines.length - (MAX_NOTICES - 1);
  return [
    ...lines.slice(0, MAX_NOTICES - 1),
    `${rest} more groups of journal records could not be applied (see the log).`,
  ];
}

/** "2 Dec", with the year when it is not this year's. */
export function dayOf(at: number, now: number): string {
  const date = new Date(at);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
