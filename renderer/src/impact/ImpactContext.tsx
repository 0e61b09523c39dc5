// The impact.com account and its catalogs, shared by Settings, the watchlist's search, the product page and every
// place that turns a catalog or campaign id into a brand name. Loaded once; reloaded after connect and disconnect.
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import type { Catalog, ImpactAccount } from '../../../shared/contract/impact.js';
import { useApiClient } from '../api/ApiContext.js';
import { type LoadState, useLoad } from '../api/useLoad.js';

interface ImpactValue {
  account: LoadState<ImpactAccount>;
  /** true only once the account is known to be connected */
  connected: boolean;
  /** the catalogs Shelfwatch knows (cached by the engine, so they stay after a disconnect or an offline start) */
  catalogs: Catalog[];
  catalogById: Map<string, Catalog>;
  /** the brand of a campaign: the AdvertiserName of one of its catalogs */
  brandOfCampaign: (campaignId: string) => string | null;
  /** the account changed (connect, disconnect): read it and the catalogs again */
  reload: () => void;
  replaceAccount: (account: ImpactAccount) => void;
}

const ImpactContext = createContext<ImpactValue | null>(null);

export function ImpactProvider({ children }: { children: ReactNode }) {
  const { api } = useApiClient();
  const account = useLoad(() => api.getImpactAccount(undefined), [api]);
  const catalogs = useLoad(() => api.listCatalogs(undefined), [api]);
  const reloadAccount = account.reload;
  const reloadCatalogs = catalogs.reload;
  const reload = useCallback(() => {
    reloadAccount(true);
    reloadCatalogs(true);
  }, [reloadAccount, reloadCatalogs]);

  const value = useMemo<ImpactValue>(() => {
    const list = catalogs.state.data ?? [];
    const catalogById = new Map(list.map((catalog) => [catalog.id, catalog]));
    return {
      account: account.state,
      connected: account.state.data?.connected === true,
      catalogs: list,
      catalogById,
      brandOfCampaign: (campaignId) => {
        const catalog = list.find((candidate) => candidate.campaignId === campaignId);
        return catalog ? brandOf(catalog) : null;
      },
      reload,
      replaceAccount: account.replace,
    };
  }, [account.state, account.replace, catalogs.state, reload]);

  return <ImpactContext.Provider value={value}>{children}</ImpactContext.Provider>;
}

export function useImpact(): ImpactValue {
  const value = useContext(ImpactContext);
  if (!value) throw new Error('useImpact outside <ImpactProvider>');
  return value;
}

/** The brand as people know it: the advertiser, else the program's name. */
export function brandOf(catalog: Catalog): string {
  return catalog.advertiserName || catalog.campaignName || `campaign ${catalog.campaignId}`;
}
