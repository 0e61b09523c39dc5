// Start-up replay: every journal record after the store's checkpoint is checked against today's schema, then
// applied. The journal is the source of truth, so a bad record from the past (a settings patch written before the
// schemas existed) must not fail start-up or be applied forever: it is skipped, logged in full, and reported once.
import { parseJournalRecord, type RefusedRecord } from '../../shared/schema/journal.js';
import { applyRecord, skipRecord } from './apply/index.js';
import type { FileSystem } from './file-system.js';
import { type ReadResult, readJournal } from './journal/index.js';
import type { StoreView } from './store/view.js';
import type { Logger } from './types.js';

const MAX_NOTICES = 5;

export interface Replay {
  read: ReadResult;
  /** one line per kind of record and day, for Status.notices */
  notices: string[];
}

export async function replayJournal(fsys: FileSystem, dir: string, view: StoreView, log: Logger, now: number) {
  const refused: RefusedRecord[] = [];
  const read = await readJournal(fsys, dir, view.data.appliedSeq, (stored) => {
    const parsed = parseJournalRecord(stored);
    if (parsed.ok) applyRecord(view, parsed.record);
    else {
      refused.push(parsed.refused);
      skipRecord(view, stored.seq);
    }
  });
  for (const record of refused) {
    log.warn('journal: skipped a record that today’s schema refuses', {
      seq: record.seq,
      kind: record.kind,
      at: new Date(record.at).toISOString(),
      problem: record.problem,
    });
  }
  return { read, notices: refusedNotices(refused, now) } satisfies Replay;
}

const WHAT: Record<string, [one: string, many: string]> = {
  updateSettings: ['A settings change', 'settings changes'],
  createWatch: ['A new watch', 'new watches'],
  updateWatch: ['A change to a watch', 'changes to watches'],
  deleteWatch: ['A watch removal', 'watch removals'],
  markRead: ['A "mark as read"', '"mark as read" requests'],
  reprocessQuarantine: ['A quarantine re-processing', 'quarantine re-processings'],
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

function dayOf(at: number, now: number): string {
  const date = new Date(at);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
