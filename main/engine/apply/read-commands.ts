// Applies "mark read" and its Undo to one device's read state (store/db/read-state.ts, read-batches.ts).
import type { Command } from '../journal/record.js';
import { posOfId } from '../store/db/feed.js';
import { LOCAL_DEVICE } from '../store/db/read-state.js';
import { positionsInView } from '../store/feed-page.js';
import type { Store } from '../store/store.js';

type MarkRead = Extract<Command, { kind: 'markRead' }>;
type UndoMarkRead = Extract<Command, { kind: 'undoMarkRead' }>;

export function applyMarkRead(store: Store, command: MarkRead, seq: number): void {
  const device = command.device ?? LOCAL_DEVICE;
  if (!command.all) {
    const positions = (command.ids ?? []).map(posOfId).filter((pos): pos is number => pos !== null);
    if (command.unread) store.readState.markUnread(device, positions);
    else store.readState.markRead(device, positions);
    return;
  }
  const through = command.through ? posOfId(command.through) : store.feed.newestPos();
  if (through === null) return;
  // Older versions journaled "all" without an undo id: it moves the watermark for good, as it did then.
  if (command.undoId === undefined) {
    store.readState.markAllRead(device, through);
    return;
  }
  const batch = { id: command.undoId, seq };
  const { filter = 'all', q = '' } = command.filter ?? {};
  if (filter === 'all' && q.trim() === '') {
    store.readBatches.markThrough(device, through, batch);
    return;
  }
  // The view is resolved now, as every replay of this record resolves it: the entries it showed, up to `through`.
  // (A replay after a crash may see watches or catalog names newer than the record, never older.)
  const after = store.readState.through(device);
  store.readBatches.markPositions(device, positionsInView(store, { filter, q }, after, through), batch);
}

export function applyUndoMarkRead(store: Store, command: UndoMarkRead): void {
  store.readBatches.undo(command.device ?? LOCAL_DEVICE, command.id);
}
