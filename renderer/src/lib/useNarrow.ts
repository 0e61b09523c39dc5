// The compact layout (a tray popover, a phone): below this width the sidebar becomes a top bar and feed rows stack.
// styles.css uses the same width in its @media rules; the feed needs it in script too, for its fixed row height.
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
