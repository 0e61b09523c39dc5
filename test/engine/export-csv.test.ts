// Exports as CSV: the feed with a view's filter and search, a product's history; quoted as spreadsheets read it, and
// a cell a spreadsheet would run as a formula (a brand's "=HYPERLINK(…)" name) kept as text.
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../main/engine/export/csv.js';
import { feedCsv } from '../../main/engine/export/feed-csv.js';
import { historyCsv } from '../../main/engine/export/history-csv.js';
import { applyHarness as harness, HARNESS_START_MS as T0 } from '../helpers/apply-harness.js';

const BOM = '\uFEFF';
const lines = (csv: string) => csv.replace(BOM, '').split('\r\n').slice(0, -1);

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, and keeps formulas as text', () => {
    expect(csvCell('Tent, 2 person')).toBe('"Tent, 2 person"');
    expect(csvCell('The "Ultralight" tent')).toBe('"The ""Ultralight"" tent"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil.example","Tent")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""Tent"")"',
    );
    expect(['+1', '-5', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'+1", "'-5", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect([34.99, 0, true, false, null, undefined].map(csvCell)).toEqual(['34.99', '0', 'yes', 'no', '', '']);
  });

  it('writes a byte order mark, a header and CRLF line ends', () => {
    expect(csvDocument(['A', 'B'], [['x', 1]])).toBe(`${BOM}A,B\r\nx,1\r\n`);
  });
});

describe('feed export', () => {
  it('lists what the view shows, newest first, with the moves as plain values', () => {
    const h = harness();
    h.command({
      kind: 'createWatch',
      watch: {
        id: 'w1',
        target: { catalogId: '7', catalogItemId: 'L-1' },
        rules: [{ kind: 'price-below', value: 30 }],
        muted: false,
        createdAt: new Date(T0).toISOString(),
      },
    });
    h.postback({
      CatalogId: '7',
      CatalogItemId: 'L-1',
      Name: '=HYPERLINK("x"), lamp',
      CurrentPrice: '35',
      Currency: 'USD',
    });
    h.advance(60_000);
    h.postback({ CatalogId: '7', CatalogItemId: 'T-1', Name: 'Tent', StockAvailability: 'InStock' });
    h.advance(60_000);
    h.postback({ CatalogId: '7', CatalogItemId: 'L-1', CurrentPrice: '29.5', StockAvailability: 'OutOfStock' });
    h.command({ kind: 'markRead', ids: ['4'] }); // the price drop, record 4

    const all = feedCsv(h.store, {}, 'local', Date.parse('2026-12-07T12:00:00Z'));
    expect(all).toMatchObject({ filename: 'shelfwatch-feed-2026-12-07.csv', rows: 3, truncated: false });
    expect(all.csv.startsWith(BOM)).toBe(true);
    expect(lines(all.csv)).toEqual([
      'Time,Catalog id,Item id,Product,Brand,Operation,What changed,Price from,Price to,Currency,Stock from,Stock to,Alerts,Read,Source',
      `${new Date(T0 + 120_000).toISOString()},7,L-1,"'=HYPERLINK(""x""), lamp",,Update,"$35.00 → $29.50 (−15.7%), Unknown → Out of stock",35,29.5,USD,Unknown,Out of stock,"'=HYPERLINK(""x""), lamp: $35.00 → $29.50 (−15.7%), below $30.00",yes,postback`,
      `${new Date(T0 + 60_000).toISOString()},7,T-1,Tent,,New,New: In stock,,,,,In stock,,no,postback`,
      `${new Date(T0).toISOString()},7,L-1,"'=HYPERLINK(""x""), lamp",,New,New: $35.00,,35,USD,,,,no,postback`,
    ]);

    const alerts = feedCsv(h.store, { filter: 'alerts' }, 'local', Date.parse('2026-12-07T12:00:00Z'));
    expect(alerts.filename).toBe('shelfwatch-feed-alerts-2026-12-07.csv');
    expect(
      lines(alerts.csv)
        .slice(1)
        .map((line) => line.split(',')[2]),
    ).toEqual(['L-1']);
    const search = feedCsv(h.store, { q: 'tent' }, 'local', 0);
    expect(search).toMatchObject({ filename: 'shelfwatch-feed-tent-1970-01-01.csv', rows: 1 });
  });
});

describe('history export', () => {
  it('has one line per point, and says when the item was out of the catalog', () => {
    const h = harness();
    h.postback({ CatalogId: '7', CatalogItemId: 'L/1', CurrentPrice: '10', Currency: 'EUR', Inventory: '4' });
    h.advance(60_000);
    h.postback({ CatalogId: '7', CatalogItemId: 'L/1', Operation: 'Delete' });
    const stored = h.product('7:L/1');
    if (!stored) throw new Error('no product');
    const file = historyCsv(stored, h.store.products.history(stored.id, 100));
    expect(file).toMatchObject({ filename: 'shelfwatch-history-7-L_1.csv', rows: 2, truncated: false });
    expect(lines(file.csv)).toEqual([
      'Time,Price,Currency,Stock,Inventory,In catalog',
      `${new Date(T0).toISOString()},10,EUR,In stock,4,yes`,
      `${new Date(T0 + 60_000).toISOString()},10,EUR,In stock,4,no`,
    ]);
  });
});
