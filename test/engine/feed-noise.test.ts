// What the feed says is news, and only news: a program id that earlier GET postbacks lacked is filled in quietly, a
// name change says old → new.
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../shared/domain/describe.js';
import { applyHarness as harness } from '../helpers/apply-harness.js';

describe('feed noise', () => {
  it('fills in a program id and a name earlier postbacks lacked without a feed entry, and finds the name', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'T-1', CurrentPrice: '99' }); // a GET template: ids and price
    const filled = h.postback({
      CatalogId: '7',
      CatalogItemId: 'T-1',
      CampaignId: '18244',
      Name: 'Tent 2P',
      CurrentPrice: '99',
    });
    expect(filled.entries).toEqual([]);
    expect(h.product('7:T-1')).toMatchObject({ campaignId: '18244', name: 'Tent 2P' });
    expect(h.feed({ q: 'tent' }).items).toHaveLength(1);

    const renamed = h.postback({
      CatalogId: '7',
      CatalogItemId: 'T-1',
      Name: 'Tent 2P Ultralight',
      CurrentPrice: '89',
    });
    const [entry] = renamed.entries;
    expect(entry && describeEntry(entry)).toBe('99.00 → 89.00 (−10.1%), Name: Tent 2P → Tent 2P Ultralight');
  });
});
