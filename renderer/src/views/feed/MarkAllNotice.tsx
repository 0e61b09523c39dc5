import type { MarkAllNotice as Notice } from './useMarkAllRead.js';

const entries = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

/** "Marked 2 read · Undo", then what Undo did; it goes by itself after a while. */
export function MarkAllNotice(props: { notice: Notice | null; onUndo: (undoId: string) => void; onClose: () => void }) {
  const { notice, onUndo, onClose } = props;
  if (!notice) return null;
  return (
    <div className={`banner ${notice.kind === 'failed' ? 'error' : 'info'} mark-all-notice`} role="status">
      <span>{text(notice)}</span>
      <span className="row">
        {notice.kind === 'marked' && notice.undoId ? (
          <button type="button" className="button" onClick={() => onUndo(notice.undoId ?? '')}>
            Undo
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose} aria-label="Close this notice">
          Close
        </button>
      </span>
    </div>
  );
}

function text(notice: Notice): string {
  if (notice.kind === 'failed') return notice.message;
  if (notice.kind === 'restored') return `${entries(notice.restored)} unread again.`;
  return notice.marked === 0 ? 'Nothing here was unread.' : `Marked ${notice.marked.toLocaleString()} read`;
}
