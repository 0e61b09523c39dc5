// Views get the client from context so tests (and both faces) can hand in their own.
import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import type { UiEvent } from '../../../shared/contract/events.js';
import type { ApiClient } from './client.js';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient outside <ApiProvider>');
  return client;
}

/** Subscribes for the component's lifetime; the latest handler is always called without re-subscribing. */
export function useUiEvents(handler: (event: UiEvent) => void): void {
  const { subscribe } = useApiClient();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
