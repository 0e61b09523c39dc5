// "Mark all read" marks what the feed shows: with Alerts shown it marks the alerts and nothing else, and its Undo
// makes exactly those entries unread again (issue 20: one click with Alerts shown cleared all 134 unread).
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEntry, FeedView } from '../../shared/contract/feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { allFeed, settled, startEngine, type TestEngine } from '../reliability/helpers/engine-harness.js';
import { post } from '../reliability/helpers/postbacks.js';

let temp = makeTempDir('shelfwatch-mark-all-');
let test: TestEngine | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
  temp.remove();
  temp = makeTempDir('shelfwatch-mark-all-');
});

/** Six products, and a watched lamp whose two price moves raise alerts: 9 entries, 2 of them alerts. */
async function seeded(): Promise<TestEngine> {
  const t = await startEngine(temp.dir);
  test = t;
  const send = (fields: Record<string, string>) => post(t, JSON.stringify({ CatalogId: '7001', ...fields }));
  await t.engine.api.createWatch({
    target: { catalogId: '7001', catalogItemId: 'LAMP' },
    rules: [{ kind: 'price-change' }],
  });
  await send({ CatalogItemId: 'LAMP', Name: 'Brass lamp', CurrentPrice: '30' });
  for (let i = 1; i <= 6; i++) await send({ CatalogItemId: `T-${i}`, Name: `Tent ${i}`, CurrentPrice: '99' });
  await send({ CatalogItemId: 'LAMP', Name: 'Brass lamp', CurrentPrice: '25' });
  await send({ CatalogItemId: 'LAMP', Name: 'Brass lamp', CurrentPrice: '27' });
  await settled(t.engine, t.dataDir);
  return t;
}

const unreadIds = async (t: TestEngine, view: FeedView = {}) =>
  (await t.engine.api.feed({ ...view, limit: 200 })).items.filter((entry) => !entry.read).map((entry) => entry.id);
const unread = async (t: TestEngine) => (await t.engine.api.status(undefined)).unread;
const idsOf = (entries: FeedEntry[]) => entries.map((entry) => entry.id);

describe('mark all read with a filter', () => {
  it('marks only the entries the Alerts filter shows, and Undo makes exactly those unread again', async () => {
    const t = await seeded();
    const alerts = await unreadIds(t, { filter: 'alerts' });
    expect(alerts).toHaveLength(2);
    expect(await unread(t)).toBe(9);

    const answer = await t.engine.api.markRead({ all: true, filter: { filter: 'alerts' } });
    expect(answer).toMatchObject({ unread: 7, marked: 2 });
    expect(await unreadIds(t, { filter: 'alerts' })).toEqual([]);
    expect(await unreadIds(t)).toHaveLength(7);
    expect(await unread(t)).toBe(7);

    // an entry read on its own after the batch is not the batch's to take back
    const [tent] = await unreadIds(t, { q: 'tent 3' });
    await t.engine.api.markRead({ ids: [tent ?? ''] });
    expect(await t.engine.api.undoMarkRead({ id: answer.undoId ?? '' })).toEqual({ unread: 8, restored: 2 });
    expect((await unreadIds(t, { filter: 'alerts' })).sort()).toEqual([...alerts].sort());
    expect(await unreadIds(t)).not.toContain(tent);
  });

  it('marks what a search shows: a catalog id, a name', async () => {
    const t = await seeded();
    const answer = await t.engine.api.markRead({ all: true, filter: { q: 'tent 2' } });
    expect(answer).toMatchObject({ marked: 1, unread: 8 });
    const read = (await allFeed(t.engine)).filter((entry) => entry.read);
    expect(read.map((entry) => entry.product.name)).toEqual(['Tent 2']);
    expect(await t.engine.api.markRead({ all: true, filter: { filter: 'watched', q: '700' } })).toMatchObject({
      marked: 3,
      unread: 5,
    });
    expect(await t.engine.api.markRead({ all: true, filter: { q: '7001' } })).toMatchObject({ marked: 5, unread: 0 });
  });

  it('without a filter moves the watermark, and Undo keeps what was read one by one before it', async () => {
    const t = await seeded();
    const [first] = await unreadIds(t);
    await t.engine.api.markRead({ ids: [first ?? ''] });
    const answer = await t.engine.api.markRead({ all: true, filter: { filter: 'all', q: ' ' } });
    expect(answer).toMatchObject({ unread: 0, marked: 8 });
    expect(await t.engine.api.undoMarkRead({ id: answer.undoId ?? '' })).toEqual({ unread: 8, restored: 8 });
    expect(await unreadIds(t)).not.toContain(first);
    expect(await unreadIds(t)).toHaveLength(8);
  });

  it('offers no Undo when nothing was marked, and a newer "mark all read" ends the older one’s', async () => {
    const t = await seeded();
    const first = await t.engine.api.markRead({ all: true, filter: { filter: 'alerts' } });
    const none = await t.engine.api.markRead({ all: true, filter: { filter: 'alerts' } });
    expect(none).toEqual({ unread: 7, marked: 0 });
    await expect(t.engine.api.undoMarkRead({ id: first.undoId ?? '' })).rejects.toMatchObject({ status: 409 });
    expect(await unread(t)).toBe(7);
  });

  it('keeps the marks and the Undo across a restart: both are journaled commands', async () => {
    const t = await seeded();
    const marked = await t.engine.api.markRead({ all: true, filter: { filter: 'alerts' } });
    const before = idsOf(await allFeed(t.engine));
    await t.close();
    test = await startEngine(temp.dir);
    expect(await unread(test)).toBe(7);
    expect(await test.engine.api.undoMarkRead({ id: marked.undoId ?? '' })).toEqual({ unread: 9, restored: 2 });
    await test.close();
    test = await startEngine(temp.dir);
    expect(await unread(test)).toBe(9);
    expect(idsOf(await allFeed(test.engine))).toEqual(before);
  });
});
