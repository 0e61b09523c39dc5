import { describe, expect, it } from 'vitest';
import { normalize, parseRequest } from '../../main/engine/ingest/index.js';
import { getUrlTemplate, jsonPostTemplate } from '../../main/engine/templates.js';

const POSTBACK_URL = 'https://tunnel.example/postback/s3cr3t';

/** What impact.com sends for one item: each placeholder replaced by the item's value, URL-encoded in a URL. */
const ITEM: Record<string, string> = {
  Operation: 'Update',
  CatalogId: '24836',
  CatalogItemId: 'ACME-TB-12',
  Name: 'Tennis balls & cans, 3 × 4',
  Url: 'https://shop.example/tennis?color=yellow&size=3',
  CurrentPrice: '39.99',
  Currency: 'USD',
  StockAvailability: 'InStock',
  Inventory: '12',
};

function fill(template: string, encode: (value: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encode(ITEM[name] ?? ''));
}

function readBack(query: string, body = '') {
  const parsed = parseRequest({ method: 'GET', query, contentType: '', headers: {}, body });
  if (!parsed.ok) throw new Error(parsed.reason);
  const result = normalize(parsed.fields, {});
  if (result.kind !== 'snapshot') throw new Error(`not a snapshot: ${result.kind}`);
  return result.snapshot;
}

describe('the recommended templates', () => {
  it('GET: one line that carries the name and link, read back exactly as sent', () => {
    const template = getUrlTemplate(POSTBACK_URL);
    expect(template).not.toMatch(/\s/);
    expect(template.startsWith(`${POSTBACK_URL}?`)).toBe(true);
    const sent = new URL(fill(template, encodeURIComponent));
    expect(readBack(sent.search)).toMatchObject({
      catalogId: '24836',
      catalogItemId: 'ACME-TB-12',
      name: 'Tennis balls & cans, 3 × 4',
      url: 'https://shop.example/tennis?color=yellow&size=3',
      currentPrice: 39.99,
      currency: 'USD',
      stockAvailability: 'InStock',
      inventory: 12,
    });
  });

  it('POST: the JSON body names every field', () => {
    const body = fill(jsonPostTemplate(), (value) => JSON.stringify(value).slice(1, -1));
    const snapshot = readBack('', body);
    expect(snapshot).toMatchObject({ name: 'Tennis balls & cans, 3 × 4', currentPrice: 39.99, inventory: 12 });
  });
});
