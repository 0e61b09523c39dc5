// Channels, watches and postbacks for the outbox and sender tests: a watch that alerts on every price change in
// catalog 1 (brand 77), and one on restocks in catalog 2.
import type { StoredChannel } from '../../../shared/contract/channel.js';
import { type applyHarness, HARNESS_START_MS } from '../../helpers/apply-harness.js';

export type Harness = ReturnType<typeof applyHarness>;

export function channel(id: string, fields: Partial<StoredChannel> = {}): StoredChannel {
  return {
    id,
    name: `Channel ${id}`,
    kind: 'webhook',
    target: 'json://127.0.0.1:9/hook',
    filter: {},
    digestSeconds: 0,
    enabled: true,
    createdAt: new Date(HARNESS_START_MS).toISOString(),
    ...fields,
  };
}

/** A watch on catalog 1 (brand 77) that alerts on every price change, and one on catalog 2 alerting on restocks. */
export function watched(h: Harness): void {
  const at = new Date(HARNESS_START_MS).toISOString();
  h.command({
    kind: 'createWatch',
    watch: {
      id: 'w-prices',
      target: { catalogId: '1' },
      rules: [{ kind: 'price-change' }],
      muted: false,
      createdAt: at,
    },
  });
  h.command({
    kind: 'createWatch',
    watch: {
      id: 'w-stock',
      target: { catalogId: '2' },
      rules: [{ kind: 'back-in-stock' }],
      muted: false,
      createdAt: at,
    },
  });
}

export function priceChange(h: Harness, item: string, price: number, catalog = '1') {
  return h.postback({
    CatalogId: catalog,
    CampaignId: '77',
    CatalogItemId: item,
    Name: `Item ${item}`,
    CurrentPrice: String(price),
    Currency: 'USD',
  });
}
