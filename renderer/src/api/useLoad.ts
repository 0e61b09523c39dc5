// One request's life for a view: loading → data | error, with a retry and a way to reload after events. The pager
// (usePager.ts) is built on the same two pieces: answers count only while they are the latest asked, and a view's
// dependencies decide when it starts over.
import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const { restart, request } = useLatestRequest();
  const latestLoad = useRef(load);
  latestLoad.current = load;

  /** quiet = keep showing the current data while refreshing (event-driven reloads) */
  const reload = useCallback(
    (quiet = false) => {
      restart();
      if (!quiet) setState({ status: 'loading' });
      request(
        latestLoad.current(),
        (data) => setState({ status: 'ready', data }),
        (error) => setState({ status: 'error', error }),
      );
    },
    [restart, request],
  );

  const depsVersion = useDepsVersion(deps);
  useEffect(() => {
    void depsVersion; // re-run whenever one of the caller's dependencies changed
    reload();
    return restart;
  }, [depsVersion, reload, restart]);

  const setData = useCallback((update: (data: T) => T) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', data: update(current.data) } : current));
  }, []);

  /** newer than any request in flight (e.g. an event carried it): wins over that request's answer */
  const replace = useCallback(
    (data: T) => {
      restart();
      setState({ status: 'ready', data });
    },
    [restart],
  );

  return { state, reload, setData, replace };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Answers that count only while they are the latest asked: `restart()` makes every request in flight stale (the view
 * moved on: a new filter, a reload, unmounting), and `request` hands an answer on only if no restart came after it.
 */
export function useLatestRequest() {
  const generation = useRef(0);
  const restart = useCallback(() => {
    generation.current++;
  }, []);
  const request = useCallback(
    <T>(answer: Promise<T>, onData: (data: T) => void, onError: (message: string) => void) => {
      const mine = generation.current;
      answer.then(
        (data) => {
          if (mine === generation.current) onData(data);
        },
        (error: unknown) => {
          if (mine === generation.current) onError(messageOf(error));
        },
      );
    },
    [],
  );
  return { restart, request };
}

/** A number that changes when any of `deps` changes (shallow), like a hook's dependency list. */
export function useDepsVersion(deps: readonly unknown[]): number {
  const last = useRef<{ deps: readonly unknown[]; version: number }>({ deps, version: 0 });
  const changed =
    deps.length !== last.current.deps.length || deps.some((dep, i) => !Object.is(dep, last.current.deps[i]));
  if (changed) last.current = { deps, version: last.current.version + 1 };
  return last.current.version;
}
