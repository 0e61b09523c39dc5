// Lowering what is kept deletes data: the form says what before it saves ("This deletes up to 1,234 history points
// of 56 products"). The engine counts it (previewRetention); raw postbacks are named by their age.
import type { RetentionPreview, Settings } from '../../../../shared/contract/settings.js';

type Retention = Settings['retention'];

/** The limits the draft lowers, or null when it lowers none. */
export function loweredRetention(saved: Retention, draft: Retention): Partial<Retention> | null {
  const lowered: Partial<Retention> = {};
  for (const name of ['feedEntries', 'historyPerProduct', 'journalDays'] as const) {
    if (draft[name] < saved[name]) lowered[name] = draft[name];
  }
  return Object.keys(lowered).length > 0 ? lowered : null;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "This deletes up to 1,234 history points of 56 products and the oldest 5,000 feed entries."; null: nothing. */
export function deletionText(preview: RetentionPreview, lowered: Partial<Retention>): string | null {
  const parts: string[] = [];
  if (preview.historyPoints > 0) {
    parts.push(
      `up to ${count(preview.historyPoints, 'history point', 'history points')} of ${count(preview.products, 'product', 'products')}`,
    );
  }
  if (preview.feedEntries > 0) parts.push(`the oldest ${count(preview.feedEntries, 'feed entry', 'feed entries')}`);
  if (lowered.journalDays !== undefined)
    parts.push(`raw postbacks older than ${count(lowered.journalDays, 'day', 'days')}`);
  if (parts.length === 0) return null;
  const last = parts.pop();
  return `This deletes ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}
