// State, watches, settings and the feed survive a restart; a damaged database is rebuilt from the journal, whether
// the damage is found at start-up or while running.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import type { FeedPage } from '../../shared/contract/feed.js';
import type { ProductDetail } from '../../shared/contract/product.js';
import type { Settings } from '../../shared/contract/settings.js';
import type { Status } from '../../shared/contract/status.js';
import type { Watch } from '../../shared/contract/watch.js';
import { postJson } from '../helpers/http.js';
import { api, receiverUrl, startTestServer } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { overwritePage } from '../reliability/helpers/store-damage.js';

let temp = makeTempDir();
afterEach(() => {
  temp.remove();
  temp = makeTempDir();
});

async function seed(server: RunningServer): Promise<void> {
  await api<Watch>(server, '/api/watches', {
    method: 'POST',
    body: { target: { catalogId: '1', catalogItemId: 'SKU-1' }, rules: [{ kind: 'price-below', value: 20 }] },
  });
  await api<Settings>(server, '/api/settings', { method: 'PATCH', body: { mapping: { preis: 'currentPrice' } } });
  for (const price of ['25.00', '19.00']) {
    const response = await postJson(receiverUrl(server), {
      CatalogId: '1',
      CatalogItemId: 'SKU-1',
      preis: price,
      Name: 'Widget',
    });
    expect(response.status).toBe(200);
  }
  for (let i = 0; i < 50 && (await api<Status>(server, '/api/status')).journal.appliedSeq < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function snapshot(server: RunningServer) {
  return {
    product: await api<ProductDetail>(server, `/api/products/${encodeURIComponent('1:SKU-1')}`),
    feed: await api<FeedPage>(server, '/api/feed'),
    watches: await api<Watch[]>(server, '/api/watches'),
    mapping: (await api<Settings>(server, '/api/settings')).mapping,
  };
}

describe('restart', () => {
  it('keeps products, history, watches, settings and the feed (with its alert)', async () => {
    const first = await startTestServer(temp.dir);
    await seed(first);
    const before = await snapshot(first);
    await first.close();
    expect(before.product.product.currentPrice).toBe(19);
    expect(before.feed.items[0]?.alerts.map((alert) => alert.kind)).toEqual(['price-below']);

    const second = await startTestServer(temp.dir);
    try {
      expect(await snapshot(second)).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it('rebuilds a damaged database from the journal and tells the user', async () => {
    const first = await startTestServer(temp.dir);
    await seed(first);
    const before = await snapshot(first);
    await first.close();
    fs.writeFileSync(path.join(temp.dir, 'store.db'), 'SQLite format 3\u0000 but not really');

    const second = await startTestServer(temp.dir);
    try {
      expect(await snapshot(second)).toEqual(before);
      const status = await api<Status>(second, '/api/status');
      expect(status.notices.map((notice) => notice.message).join(' ')).toMatch(/damaged.*rebuilt from the journal/);
      expect(fs.readdirSync(temp.dir).some((name) => name.startsWith('store.db.corrupt-'))).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('says so when damage is found while running, and rebuilds the database at the next start', async () => {
    const first = await startTestServer(temp.dir);
    await seed(first);
    const before = await snapshot(first);
    await first.close();
    overwritePage(path.join(temp.dir, 'store.db'), 'products');

    const second = await startTestServer(temp.dir);
    try {
      await expect(snapshot(second)).rejects.toThrow(/^503 .*database is damaged/);
      const status = await api<Status>(second, '/api/status');
      expect(status.notices.map((notice) => notice.message).join(' ')).toMatch(
        /database is damaged\. Restart Shelfwatch to restore it from the newest backup and the journal/,
      );
    } finally {
      await second.close();
    }
    const third = await startTestServer(temp.dir);
    try {
      expect(await snapshot(third)).toEqual(before);
      expect((await api<Status>(third, '/api/status')).notices.map((notice) => notice.message).join(' ')).toMatch(
        /damaged.*rebuilt from the journal/,
      );
    } finally {
      await third.close();
    }
  });

  it('refuses a second process on the same data folder', async () => {
    const first = await startTestServer(temp.dir);
    try {
      await expect(startTestServer(temp.dir)).rejects.toMatchObject({ code: 'ELOCKED' });
    } finally {
      await first.close();
    }
  });
});
