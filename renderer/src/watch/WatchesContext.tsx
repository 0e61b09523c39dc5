// Watches are shared by the feed (one-click Watch), the product view and the watchlist, so they live in one place.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ProductState } from '../../../shared/contract/product.js';
import type { Watch, WatchPatch, WatchRule, WatchTarget } from '../../../shared/contract/watch.js';
import { itemKeyOf, watchCovers } from '../../../shared/domain/watch-target.js';
import { useApiClient } from '../api/ApiContext.js';
import { type LoadState, useLoad } from '../api/useLoad.js';
import { DEFAULT_RULES } from './defaultRules.js';

interface WatchesValue {
  state: LoadState<Watch[]>;
  /** watches on one item, by product key (a catalog's or brand's watch is in no entry: see `covers`) */
  byKey: Map<string, Watch>;
  /** whether any watch covers the product: its own, or one on its whole catalog or brand */
  covers: (product: Pick<ProductState, 'key' | 'catalogId' | 'catalogItemId' | 'campaignId'>) => boolean;
  reload: () => void;
  create: (target: WatchTarget, rules?: WatchRule[]) => Promise<Watch>;
  update: (id: string, patch: WatchPatch) => Promise<Watch>;
  remove: (id: string) => Promise<void>;
}

const WatchesContext = createContext<WatchesValue | null>(null);

/** The product key of a watch on one item; '' for a watch on a whole catalog or brand. */
export const watchKey = (watch: Watch) => itemKeyOf(watch.target) ?? '';

export function WatchesProvider({ children }: { children: ReactNode }) {
  const { api } = useApiClient();
  const { state, reload, setData } = useLoad(() => api.listWatches(undefined), [api]);

  const value = useMemo<WatchesValue>(() => {
    const watches = state.data ?? [];
    const byKey = new Map(watches.filter((watch) => watchKey(watch)).map((watch) => [watchKey(watch), watch]));
    const scopes = watches.filter((watch) => !watchKey(watch));
    return {
      state,
      byKey,
      covers: (product) => byKey.has(product.key) || scopes.some((watch) => watchCovers(watch.target, product)),
      reload: () => reload(),
      create: async (target, rules = DEFAULT_RULES) => {
        const watch = await api.createWatch({ target, rules });
        setData((watches) => [...watches.filter((w) => w.id !== watch.id), watch]);
        return watch;
      },
      update: async (id, patch) => {
        const watch = await api.updateWatch({ id, ...patch });
        setData((watches) => watches.map((w) => (w.id === id ? watch : w)));
        return watch;
      },
      remove: async (id) => {
        await api.deleteWatch({ id });
        setData((watches) => watches.filter((w) => w.id !== id));
      },
    };
  }, [api, state, reload, setData]);

  return <WatchesContext.Provider value={value}>{children}</WatchesContext.Provider>;
}

export function useWatches(): WatchesValue {
  const value = useContext(WatchesContext);
  if (!value) throw new Error('useWatches outside <WatchesProvider>');
  return value;
}
