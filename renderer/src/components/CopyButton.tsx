import { useState } from 'react';
import { useApiClient } from '../api/ApiContext.js';

interface CopyButtonProps {
  text: string;
  /** the accessible name, e.g. "Copy postback URL" */
  label: string;
  /** what the button says before copying (default "Copy") */
  idleText?: string;
  className?: string;
}

/** Copies text through the transport (clipboard API on the web, the bridge on desktop) and says so. */
export function CopyButton({ text, label, idleText = 'Copy', className = 'button small' }: CopyButtonProps) {
  const { copyText } = useApiClient();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className={className} onClick={copy} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : idleText}
    </button>
  );
}
