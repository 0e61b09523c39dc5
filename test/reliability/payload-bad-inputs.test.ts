// JSON and XML semantics: truncated documents, non-object tops, deep nesting, huge numbers and ids, duplicate keys,
// prototype keys, entity bombs and external entities, oversized fields, control/bidi characters, markup in names,
// dangerous URL schemes. Each row: exact status and store effect, then what was stored. (P2, P4, P6)
import { expect } from 'vitest';
import { singleText } from '../../main/desktop/notification-text.js';
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { ProductState } from '../../shared/contract/product.js';
import { type BadInput, FEED, QUARANTINE, RECORD_ONLY, runBadInputs } from './helpers/bad-input-table.js';
import { productOrNull, type TestEngine } from './helpers/engine-harness.js';
import { itemJson, post, uniqueId } from './helpers/postbacks.js';

const json = { 'content-type': 'application/json' };
const xml = { 'content-type': 'application/xml' };

async function stored(test: TestEngine, key: string): Promise<ProductState> {
  const product = await productOrNull(test.engine, key);
  if (!product) throw new Error(`no product ${key}`);
  return product;
}

/** A row whose postback is about a fresh item; `check` sees the stored product. */
function item(
  name: string,
  body: (id: string) => string,
  effect: BadInput['effect'],
  check?: (product: ProductState) => void,
  headers = json,
  catalogId = '77',
): BadInput {
  const id = uniqueId('p');
  return {
    name,
    send: (t) => post(t, body(id), headers),
    statuses: [200],
    effect,
    check: check && (async (t) => check(await stored(t, `${catalogId}:${id}`))),
  };
}

const quarantined = (name: string, body: string, headers = json): BadInput => ({
  name,
  send: (t) => post(t, body, headers),
  statuses: [200],
  effect: QUARANTINE,
});

/** Quarantined, and the reason the user reads names the real problem. */
const quarantinedBecause = (name: string, body: string, reason: string | RegExp, headers = json): BadInput => ({
  ...quarantined(name, body, headers),
  check: async (t) => {
    const [latest] = await t.engine.api.quarantine(undefined);
    expect(latest?.raw.body).toBe(body);
    expect(latest?.reason).toMatch(reason);
  },
});

const noLink = (product: ProductState) => {
  expect(product.url).toBeUndefined();
  expect(product.imageUrl).toBeUndefined();
};

const BIDI = '\u202Egnp.exe\u202C';
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
).join('')}]>`;

const rows: BadInput[] = [
  quarantinedBecause(
    'truncated JSON with no complete id pair',
    '{"catalog_id":"77","item_',
    'the body is not valid JSON (unexpected end at character 25)',
  ),
  quarantinedBecause(
    'truncated JSON after the ids: quarantined as invalid JSON rather than storing the cut-off price "5"',
    '{"catalog_id":"77","item_id":"cut-1","price":"5',
    'the body is not valid JSON (unexpected end at character 47)',
  ),
  quarantinedBecause(
    'truncated JSON ending on a bare number',
    '{"catalog_id":"77","item_id":"cut-2","price":5',
    'the body is not valid JSON (unexpected end at character 46)',
  ),
  quarantinedBecause(
    'broken JSON whose readable pairs hold no item id: the reason is the syntax, not the mapping',
    '{"Product Data Change Postback", "catalog_id": "77" "name": "x"}',
    'the body is not valid JSON (unexpected "," at character 32)',
  ),
  quarantinedBecause(
    'broken XML without an item id',
    '<r><catalog_id>77</catalog_id><name>x</nam></r>',
    /^the body is not valid XML \(.* at line 1, column \d+\)$/,
    xml,
  ),
  quarantined('a top-level JSON string', '"just a string"'),
  quarantined('a top-level JSON number', '42'),
  quarantined('top-level JSON null', 'null'),
  quarantined('top-level JSON true', 'true'),
  quarantined('a top-level array of numbers', '[1,2,3]'),
  item('a top-level array wrapping the object', (id) => `[${itemJson(id)}]`, FEED),
  quarantined('60,000-deep array nesting (under the body limit)', '['.repeat(60_000)),
  quarantined('60,000-deep object nesting', '{"a":'.repeat(12_000)),
  item(
    'ids beyond 2^53 stay exact strings',
    (id) => `{"catalog_id":12345678901234567890,"item_id":"${id}","price":"1"}`,
    FEED,
    (p) => expect(p.catalogId).toBe('12345678901234567890'),
    json,
    '12345678901234567890',
  ),
  {
    name: 'a numeric item id with 30 digits stays a string',
    send: (t) => post(t, '{"catalog_id":"77","item_id":123456789012345678901234567890}', json),
    statuses: [200],
    effect: FEED,
    check: async (t) =>
      expect((await stored(t, '77:123456789012345678901234567890')).catalogItemId).toBe(
        '123456789012345678901234567890',
      ),
  },
  item(
    'a price of 1e400 is not stored as Infinity',
    (id) => itemJson(id, { price: '1e400' }),
    FEED,
    (p) => {
      expect(p.currentPrice === undefined || Number.isFinite(p.currentPrice)).toBe(true);
    },
  ),
  item(
    'a price of 99999999999999999999999 stays finite',
    (id) => itemJson(id, { price: '99999999999999999999999' }),
    FEED,
    (p) => {
      expect(p.currentPrice === undefined || Number.isFinite(p.currentPrice)).toBe(true);
    },
  ),
  item(
    'duplicate keys: the first one wins',
    (id) => itemJson(id).replace('"name":', '"name":"First","name":'),
    FEED,
    (p) => expect(p.name).toBe('First'),
  ),
  item(
    '__proto__ and constructor keys pollute nothing',
    (id) =>
      itemJson(id).replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'),
    FEED,
    (p) => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    },
  ),
  item(
    'a __proto__ key in a form body',
    (id) => `__proto__[polluted]=1&catalog_id=77&item_id=${id}`,
    FEED,
    () => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    { 'content-type': 'application/x-www-form-urlencoded' },
  ),
  item(
    'an XML billion-laughs DOCTYPE is never expanded',
    (id) => `${LAUGHS}<p><catalog_id>77</catalog_id><item_id>${id}</item_id><name>&lol9;</name></p>`,
    FEED,
    (p) => expect(p.name).toBe('&lol9;'),
    xml,
  ),
  item(
    'an XML external entity is never resolved',
    (id) =>
      `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><p><catalog_id>77</catalog_id><item_id>${id}</item_id><name>&xxe;</name></p>`,
    FEED,
    (p) => expect(p.name).toBe('&xxe;'),
    xml,
  ),
  item(
    'XML character references decode once, not twice',
    (id) => `<p><catalog_id>77</catalog_id><item_id>${id}</item_id><name>&amp;lt;b&amp;gt; &#65;</name></p>`,
    FEED,
    (p) => expect(p.name).toBe('&lt;b&gt; A'),
    xml,
  ),
  quarantined('XML with only a closing tag', '</p>', xml),
  item(
    'XML with unclosed tags is read leniently',
    (id) => `<p><catalog_id>77</catalog_id><item_id>${id}</item_id>`,
    FEED,
    (p) => expect(p.catalogId).toBe('77'),
    xml,
  ),
  quarantined('XML nested 1,000 deep', `${'<a>'.repeat(1_000)}x${'</a>'.repeat(1_000)}`, xml),
  item(
    'a 60 KB name is capped at 500 characters',
    (id) => itemJson(id, { name: 'N'.repeat(60_000) }),
    FEED,
    (p) => expect(p.name).toHaveLength(500),
  ),
  quarantined('a 600-character item id', itemJson('I'.repeat(600))),
  item(
    'control characters in a name become spaces',
    (id) => itemJson(id, { name: 'Bell\u0007Tab\tEsc\u001b[31mRed' }),
    FEED,
    (p) => expect(p.name).toBe('Bell Tab Esc [31mRed'),
  ),
  item(
    'bidi overrides are removed from a name',
    (id) => itemJson(id, { name: `invoice${BIDI}` }),
    FEED,
    (p) => expect(p.name).toBe('invoice gnp.exe'),
  ),
  item(
    'HTML and script in a name are kept as plain text, and notify as plain text',
    (id) => itemJson(id, { name: '<script>alert(1)</script><img src=x onerror=alert(2)>' }),
    FEED,
    (p) => {
      expect(p.name).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
      const entry = { key: p.key, product: p, alerts: [] } as unknown as FeedEntry;
      const text = singleText(entry, ['price dropped']);
      expect(text.title).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
      expect(text.route).toBe(`#/product/${encodeURIComponent(p.key)}`);
    },
  ),
  item(
    'a javascript: product URL is dropped',
    (id) => itemJson(id, { url: 'javascript:alert(1)', image: 'javascript:alert(2)' }),
    FEED,
    noLink,
  ),
  item(
    'a file: URL is dropped',
    (id) => itemJson(id, { url: 'file:///etc/passwd', image: 'file:///etc/shadow' }),
    FEED,
    noLink,
  ),
  item(
    'a data: URL is dropped',
    (id) =>
      itemJson(id, {
        url: 'data:text/html,<script>alert(1)</script>',
        image: 'data:image/svg+xml,<svg onload=alert(1)>',
      }),
    FEED,
    noLink,
  ),
  item(
    'a javascript: URL hidden by whitespace and case is dropped',
    (id) => itemJson(id, { url: ' JaVa\tScRiPt:alert(1)' }),
    FEED,
    noLink,
  ),
  item(
    'a vbscript: / smb: URL is dropped',
    (id) => itemJson(id, { url: 'vbscript:msgbox', image: 'smb://host/share' }),
    FEED,
    noLink,
  ),
  item(
    'an https URL is kept',
    (id) => itemJson(id, { url: 'https://shop.example/p?a=1' }),
    FEED,
    (p) => expect(p.url).toBe('https://shop.example/p?a=1'),
  ),
  {
    name: 'a test postback (unreplaced placeholders) is recorded, no feed entry',
    send: (t) => post(t, '{"catalog_id":"{CatalogId}","item_id":"{CatalogItemId}","price":"{CurrentPrice}"}', json),
    statuses: [200],
    effect: RECORD_ONLY,
    check: async (t) => expect((await t.engine.api.status(undefined)).receiver.testPostbackAt).not.toBeNull(),
  },
  quarantined('more than 500 fields', `{${Array.from({ length: 501 }, (_, i) => `"k${i}":"v"`).join(',')}}`),
];

runBadInputs('payload semantics', rows);
