import { describe, expect, it } from 'vitest';
import { applyRecord } from '../../../main/engine/apply/index.js';
import { FAILED, WAITING } from '../../../main/engine/store/db/outbox.js';
import type { Store } from '../../../main/engine/store/store.js';
import { applyHarness, HARNESS_START_MS, postbackRecord } from '../../helpers/apply-harness.js';
import { channel, priceChange, watched } from './outbox-fixtures.js';

interface Row {
  channel_id: string;
  message_id: string;
  state: number;
  total: number;
  window_end: number;
}

function messages(store: Store): Row[] {
  return store.db
    .prepare<[], Row>('SELECT channel_id, message_id, state, total, window_end FROM outbox ORDER BY id')
    .all();
}

describe('the outbox: messages written with the alerts that cause them', () => {
  it('one message per alert with no digest; a message id that derives from the alert', () => {
    const h = applyHarness();
    watched(h);
    h.command({ kind: 'createChannel', channel: channel('c1') });
    priceChange(h, 'A', 10); // first seen: no move yet
    priceChange(h, 'A', 12);
    priceChange(h, 'B', 5);
    priceChange(h, 'B', 4);
    const rows = messages(h.store);
    expect(rows.map((row) => [row.state, row.total])).toEqual([
      [WAITING, 1],
      [WAITING, 1],
    ]);
    expect(rows[0]?.message_id).toMatch(/^msg_\d+_0_c1$/);
    const [item] = h.store.outbox.items(h.store.outbox.head('c1')?.id ?? -1);
    expect(item).toMatchObject({ name: 'Item A', rule: 'price-change', message: 'Item A: $10.00 → $12.00 (+20%)' });
  });

  it('a 1,000-alert burst within a 60 s digest window is one message: 50 alerts in full, 1,000 counted', () => {
    const h = applyHarness();
    watched(h);
    h.command({ kind: 'createChannel', channel: channel('c1', { digestSeconds: 60 }) });
    for (let i = 0; i < 1000; i++) priceChange(h, `P${i}`, 10);
    h.advance(1000);
    for (let i = 0; i < 1000; i++) priceChange(h, `P${i}`, 9);
    expect(messages(h.store).map((row) => row.total)).toEqual([1000]);
    expect(h.store.outbox.items(h.store.outbox.head('c1')?.id ?? -1)).toHaveLength(50);
    // after the window closes, the next alert starts a new message
    h.advance(60_000);
    priceChange(h, 'P1', 8);
    expect(messages(h.store).map((row) => row.total)).toEqual([1000, 1]);
  });

  it('each channel gets what its filter lets through: watches, brands, rule kinds; a disabled one nothing', () => {
    const h = applyHarness();
    watched(h);
    h.command({ kind: 'createChannel', channel: channel('all') });
    h.command({ kind: 'createChannel', channel: channel('stock', { filter: { kinds: ['back-in-stock'] } }) });
    h.command({ kind: 'createChannel', channel: channel('brand', { filter: { campaignIds: ['77'] } }) });
    h.command({ kind: 'createChannel', channel: channel('watch', { filter: { watchIds: ['w-stock'] } }) });
    h.command({ kind: 'createChannel', channel: channel('off', { enabled: false }) });
    priceChange(h, 'A', 10);
    priceChange(h, 'A', 11); // price-change on catalog 1, brand 77
    h.postback({ CatalogId: '2', CampaignId: '88', CatalogItemId: 'S', Name: 'S', StockAvailability: 'OutOfStock' });
    h.postback({ CatalogId: '2', CampaignId: '88', CatalogItemId: 'S', Name: 'S', StockAvailability: 'InStock' });
    const byChannel = (id: string) => messages(h.store).filter((row) => row.channel_id === id).length;
    expect(['all', 'stock', 'brand', 'watch', 'off'].map(byChannel)).toEqual([2, 1, 1, 1, 0]);
    h.command({ kind: 'updateChannel', id: 'off', patch: { enabled: true } });
    priceChange(h, 'A', 12);
    expect(byChannel('off')).toBe(1);
  });

  it('the alert and its message are stored together or not at all; a replayed record adds no second message', () => {
    const h = applyHarness();
    watched(h);
    h.command({ kind: 'createChannel', channel: channel('c1') });
    priceChange(h, 'A', 10);
    const before = { seq: h.store.appliedSeq, entries: h.store.feed.entries };
    h.store.db.exec(
      "CREATE TRIGGER full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const record = postbackRecord(before.seq + 1, HARNESS_START_MS + 5000, {
      CatalogId: '1',
      CatalogItemId: 'A',
      CurrentPrice: '12',
    });
    expect(() => applyRecord(h.store, record)).toThrow(/disk is full/);
    expect({ seq: h.store.appliedSeq, entries: h.store.feed.entries }).toEqual(before);
    expect(messages(h.store)).toEqual([]);
    h.store.db.exec('DROP TRIGGER full');
    applyRecord(h.store, record);
    applyRecord(h.store, record); // replay after a crash: already applied
    expect(h.store.feed.entries).toBe(before.entries + 1);
    expect(messages(h.store)).toHaveLength(1);
  });

  it('deleting a channel deletes its messages, waiting or failed', () => {
    const h = applyHarness();
    watched(h);
    h.command({ kind: 'createChannel', channel: channel('c1') });
    h.command({ kind: 'createChannel', channel: channel('c2') });
    priceChange(h, 'A', 10);
    priceChange(h, 'A', 11);
    priceChange(h, 'A', 12);
    const head = h.store.outbox.head('c1');
    if (head) h.store.outbox.failed(head, 1, 'refused');
    expect(h.store.outbox.counts('c1')).toEqual({ waiting: 1, failed: 1 });
    h.command({ kind: 'deleteChannel', id: 'c1' });
    expect(h.store.channels.get('c1')).toBeUndefined();
    expect(messages(h.store).map((row) => [row.channel_id, row.state])).toEqual([
      ['c2', WAITING],
      ['c2', WAITING],
    ]);
    expect(h.store.db.prepare('SELECT count(*) FROM outbox_items').pluck().get()).toBe(2);
    expect(FAILED).not.toBe(WAITING);
  });
});
