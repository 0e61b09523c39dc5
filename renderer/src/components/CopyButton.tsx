import { useState } from 'react';
import { useApiClient } from '../api/ApiContext.js';

/** Copies text through the transport (clipboard API on the web, the bridge on desktop) and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { copyText } = useApiClient();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="button small" onClick={copy} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
