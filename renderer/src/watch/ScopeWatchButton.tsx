import { useState } from 'react';
import type { WatchRule } from '../../../shared/contract/watch.js';
import { sameTarget } from '../../../shared/domain/watch-target.js';
import { messageOf } from '../api/useLoad.js';
import type { ScopeTarget } from '../impact/targetText.js';
import { DEFAULT_SCOPE_RULES, describeRule } from './defaultRules.js';
import { useWatches } from './WatchesContext.js';

interface ScopeWatchButtonProps {
  target: ScopeTarget;
  /** "everything in Tents" / "everything from Acme Outdoor" */
  scope: string;
  className?: string;
  /** the rules it starts with (default: big drops and restocks, fit for thousands of items) */
  rules?: WatchRule[];
}

/** Watches a whole catalog or brand in one click, with rules fit for thousands of items (editable in the watchlist). */
export function ScopeWatchButton({
  target,
  scope,
  className = 'button small',
  rules = DEFAULT_SCOPE_RULES,
}: ScopeWatchButtonProps) {
  const { state, create } = useWatches();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const existing = state.data?.find((watch) => sameTarget(watch.target, target));
  if (existing) {
    return (
      <span className="scope-watching" role="status">
        Watching {scope}: {existing.rules.map((rule) => describeRule(rule)).join(' · ')}
      </span>
    );
  }
  const watch = () => {
    setBusy(true);
    setError(null);
    create(target, rules).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };
  return (
    <>
      <button type="button" className={className} onClick={watch} disabled={busy}>
        Watch {scope}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
