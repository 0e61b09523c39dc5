import { useState } from 'react';
import type { ItemTarget } from '../../../shared/contract/watch.js';
import { productKey } from '../../../shared/domain/watch-target.js';
import { messageOf } from '../api/useLoad.js';
import { useWatches } from './WatchesContext.js';

interface WatchButtonProps {
  target: ItemTarget;
  name: string;
}

/** One-click watch with the default rules; once watched it just says so (editing lives on the product and watchlist). */
export function WatchButton({ target, name }: WatchButtonProps) {
  const { byKey, create } = useWatches();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (byKey.has(productKey(target.catalogId, target.catalogItemId))) {
    return <span className="badge watching">Watching</span>;
  }
  const watch = () => {
    setBusy(true);
    setError(null);
    create(target).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };
  return (
    <button
      type="button"
      className="button small"
      onClick={watch}
      disabled={busy}
      aria-label={`Watch ${name}`}
      title={error ?? undefined}
    >
      {error ? 'Retry watch' : 'Watch'}
    </button>
  );
}
