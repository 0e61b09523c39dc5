// One request's life for a view: loading → data | error, with a retry and a way to reload after events.
import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  /** quiet = keep showing the current data while refreshing (event-driven reloads) */
  const reload = useCallback((quiet = false) => {
    const mine = ++generation.current;
    if (!quiet) setState({ status: 'loading' });
    latestLoad.current().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ status: 'error', error: messageOf(error) });
      },
    );
  }, []);

  const depsVersion = useDepsVersion(deps);
  useEffect(() => {
    void depsVersion; // re-run whenever one of the caller's dependencies changed
    reload();
    return () => {
      generation.current++;
    };
  }, [depsVersion, reload]);

  const setData = useCallback((update: (data: T) => T) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', data: update(current.data) } : current));
  }, []);

  /** newer than any request in flight (e.g. an event carried it): wins over that request's answer */
  const replace = useCallback((data: T) => {
    generation.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, setData, replace };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A number that changes when any of `deps` changes (shallow), like a hook's dependency list. */
function useDepsVersion(deps: readonly unknown[]): number {
  const last = useRef<{ deps: readonly unknown[]; version: number }>({ deps, version: 0 });
  const changed =
    deps.length !== last.current.deps.length || deps.some((dep, i) => !Object.is(dep, last.current.deps[i]));
  if (changed) last.current = { deps, version: last.current.version + 1 };
  return last.current.version;
}
