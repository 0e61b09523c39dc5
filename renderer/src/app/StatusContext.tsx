// The receiver/feed status every screen shares: loaded once, then kept current by `status` events only.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Status } from '../../../shared/contract/status.js';
import { useApiClient, useUiEvents } from '../api/ApiContext.js';
import { type LoadState, useLoad } from '../api/useLoad.js';

interface StatusValue {
  state: LoadState<Status>;
  reload: () => void;
  /** markRead answers with the new unread count before the next status event arrives */
  setUnread: (unread: number) => void;
}

const StatusContext = createContext<StatusValue | null>(null);

export function StatusProvider({ children }: { children: ReactNode }) {
  const { api } = useApiClient();
  const { state, reload, setData, replace } = useLoad(() => api.status(undefined), [api]);
  useUiEvents((event) => {
    if (event.type === 'status') replace(event.status);
  });
  const value = useMemo<StatusValue>(
    () => ({
      state,
      reload: () => reload(),
      setUnread: (unread) => setData((status) => ({ ...status, unread })),
    }),
    [state, reload, setData],
  );
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus outside <StatusProvider>');
  return value;
}
