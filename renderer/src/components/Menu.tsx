// A small "⋯" menu (a disclosure: a button that shows a group of buttons), so rows keep one tidy control at 360 px
// instead of a line of buttons. Closes on Escape, on a choice, and when the pointer or focus goes elsewhere.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

interface MenuProps {
  /** the trigger's accessible name, e.g. "More for Tennis balls" */
  label: string;
  /** the menu's buttons; call `close` after a choice */
  children: (close: () => void) => ReactNode;
}

export function Menu({ label, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [upward, setUpward] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLFieldSetElement>(null);

  // Opening downwards past the bottom of a clipping box (the feed's scroller, the window) would hide the choices.
  useLayoutEffect(() => {
    if (!open || !panel.current || !root.current) return;
    const clip = root.current.closest('[data-virtual-scroller]')?.getBoundingClientRect().bottom ?? window.innerHeight;
    setUpward(panel.current.getBoundingClientRect().bottom > clip);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  // The keys stay here: in the feed, the arrows would otherwise move to another entry.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    const items = [...(panel.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
  };

  return (
    <div className="menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="button small menu-trigger"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        title={label}
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <fieldset ref={panel} id={id} className={`menu-panel${upward ? ' upward' : ''}`} onKeyDown={onKeyDown}>
          <legend className="visually-hidden">{label}</legend>
          {children(close)}
        </fieldset>
      ) : null}
    </div>
  );
}
