// The words for what start-up recovered: "The product database was damaged (…) and was restored from the backup
// of 3 Dec 14:00 and the journal since: nothing lost.", or exactly what could not be recovered.
import { formatCount } from '../../../shared/contract/ranges.js';
import { dayOf } from '../replay.js';
import type { OpenRecovery } from './open-recovery.js';
import type { SalvageResult } from './salvage.js';

/** Journal records that neither a backup nor the journal could give back. */
export interface Gap {
  fromSeq: number;
  toSeq: number;
  /** when the first of them arrived (ms), when known */
  fromAt: number | null;
  /** when the last of them arrived (ms), or — toIsApproximate — the first record after them */
  toAt: number | null;
  toIsApproximate: boolean;
  /** products first seen by the last of them, as counted when they were pruned (null: no record of that) */
  productsBefore: number | null;
  /** products first seen by then that the recovered store has */
  productsPresent: number;
}

/** "3 Dec 14:00" (with the year when it is not this year's). */
export function whenText(at: number, now: number): string {
  const date = new Date(at);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${dayOf(at, now)} ${time}`;
}

export function describeDatabase(
  opened: OpenRecovery,
  gap: Gap | null,
  salvaged: SalvageResult | null,
  now: number,
): string | null {
  const damaged = opened.databaseMovedAside.length > 0;
  if (!opened.databaseIsNew || (!damaged && !opened.databaseRestored && !gap)) return null;
  const cause = damaged
    ? `The product database was damaged (${opened.databaseMovedAside.join(', ')} moved aside)`
    : 'The product database (store.db) was missing';
  const source = opened.databaseRestored
    ? `restored from the backup of ${whenText(Date.parse(opened.databaseRestored.manifest.at), now)} and the journal since`
    : 'rebuilt from the journal';
  if (!gap) return `${cause} and was ${source}: nothing lost.`;
  return [
    `${cause} and was ${source}.`,
    lostRecords(gap, now),
    productsLost(gap, salvaged),
    gap.toAt === null ? null : `Everything after ${whenText(gap.toAt, now)} is back.`,
  ]
    .filter((sentence) => sentence !== null)
    .join(' ');
}

export function describeDocuments(opened: OpenRecovery, gap: Gap | null, now: number): string | null {
  const damaged = opened.documentsMovedAside.length > 0;
  if (!damaged && !opened.documentsRestored && !gap) return null;
  const cause = damaged
    ? `Your settings and watches could not be read (${opened.documentsMovedAside.join(', ')} moved aside)`
    : 'Your settings and watches (documents.json) were missing';
  const source = opened.documentsRestored
    ? `restored from the backup of ${whenText(Date.parse(opened.documentsRestored.manifest.at), now)} and the journal since`
    : 'rebuilt from the journal';
  if (!gap) return `${cause} and were ${source}${opened.documentsRestored ? ': nothing lost' : ''}.`;
  const before = gap.toAt === null ? '' : ` before ${whenText(gap.toAt, now)}`;
  return `${cause} and were ${source}, but changes made${before} could not be recovered (${recordsText(gap)}): check Settings and the watchlist.`;
}

function recordsText(gap: Gap): string {
  const records = gap.fromSeq === gap.toSeq ? `record ${formatCount(gap.fromSeq)}` : `records ${rangeText(gap)}`;
  return `journal ${records}`;
}

function rangeText(gap: Gap): string {
  return `${formatCount(gap.fromSeq)}–${formatCount(gap.toSeq)}`;
}

/** "What arrived from 1 Dec 10:00 to 3 Dec 18:20 (journal records 1–1,500) had been pruned …" */
function lostRecords(gap: Gap, now: number): string {
  let when = '';
  if (gap.toAt !== null && gap.toIsApproximate) when = ` before ${whenText(gap.toAt, now)}`;
  else if (gap.toAt !== null && gap.fromAt !== null)
    when = ` from ${whenText(gap.fromAt, now)} to ${whenText(gap.toAt, now)}`;
  else if (gap.toAt !== null) when = ` until ${whenText(gap.toAt, now)}`;
  return `What arrived${when} (${recordsText(gap)}) had been pruned from the journal after a backup, and that backup is gone too.`;
}

function productsLost(gap: Gap, salvaged: SalvageResult | null): string {
  const rescued =
    salvaged && salvaged.products > 0
      ? `${products(salvaged.products)} salvaged from the damaged file, with the history and feed entries that still read`
      : null;
  if (gap.productsBefore === null) {
    return rescued
      ? `${capitalized(rescued)}; how many others were lost is not known (no record of the pruned journal was kept).`
      : 'How many products that was is not known (no record of the pruned journal was kept).';
  }
  const missing = Math.max(0, gap.productsBefore - gap.productsPresent);
  const seen = `${products(gap.productsBefore)} Shelfwatch had seen by then`;
  if (missing === 0) return `All ${seen} are back${rescued ? ` (${rescued})` : ''}.`;
  const again = 'a later postback about one brings it back, without its earlier history';
  return `Of the ${seen}, ${formatCount(missing)} could not be recovered (${again})${rescued ? `; ${rescued}` : ''}.`;
}

function products(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'product' : 'products'}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
