// Body framing: empty, the size limit −1/exact/+1, compression (bombs, unknown codings), charsets, invalid UTF-8,
// BOM, NUL bytes, multipart. Each row: exact statuses and store effect. (P2, P4)
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { BODY_LIMIT } from '../../main/engine/receiver/app.js';
import { type BadInput, FEED, NOTHING, QUARANTINE, runBadInputs } from './helpers/bad-input-table.js';
import { productOrNull, type TestEngine } from './helpers/engine-harness.js';
import { itemJson, post, uniqueId } from './helpers/postbacks.js';

const json = { 'content-type': 'application/json' };

/** A valid postback padded to exactly `size` bytes. */
function sized(size: number, itemId: string): string {
  const base = itemJson(itemId, { pad: '' });
  return base.replace('"pad":""', `"pad":"${'p'.repeat(size - Buffer.byteLength(base))}"`);
}

async function storedName(test: TestEngine, itemId: string): Promise<string | undefined> {
  return (await productOrNull(test.engine, `77:${itemId}`))?.name;
}

function named(
  name: string,
  send: BadInput['send'],
  statuses: number[],
  effect: BadInput['effect'],
  check?: BadInput['check'],
): BadInput {
  return { name, send, statuses, effect, check };
}

const ids = {
  latin: uniqueId('latin'),
  utf16: uniqueId('utf16'),
  bad: uniqueId('badutf8'),
  bom: uniqueId('bom'),
  nul: uniqueId('nul'),
};

const rows: BadInput[] = [
  named('an empty POST body', (t) => post(t, '', json), [200], QUARANTINE),
  named(
    'an empty POST body with a query string',
    (t) => post(t, '', {}, `/postback/${secretOf(t)}?catalog_id=77&item_id=${uniqueId('q')}`),
    [200],
    FEED,
  ),
  named('a body one byte under the limit', (t) => post(t, sized(BODY_LIMIT - 1, uniqueId('lim')), json), [200], FEED),
  named('a body exactly at the limit', (t) => post(t, sized(BODY_LIMIT, uniqueId('lim')), json), [200], FEED),
  named('a body one byte over the limit', (t) => post(t, sized(BODY_LIMIT + 1, uniqueId('lim')), json), [413], NOTHING),
  named('a 1 MB body', (t) => post(t, sized(1_048_576, uniqueId('mb')), json), [413], NOTHING),
  named(
    'a gzip bomb (10 MB of zeros in ~10 KB)',
    (t) => post(t, gzipSync(Buffer.alloc(10_000_000)), { ...json, 'content-encoding': 'gzip' }),
    [413],
    NOTHING,
  ),
  named(
    'a deflate bomb',
    (t) => post(t, deflateSync(Buffer.alloc(10_000_000, 0x20)), { ...json, 'content-encoding': 'deflate' }),
    [413],
    NOTHING,
  ),
  named(
    'a small gzipped postback',
    (t) => post(t, gzipSync(itemJson(uniqueId('gz'))), { ...json, 'content-encoding': 'gzip' }),
    [200],
    FEED,
  ),
  named(
    'a small brotli postback',
    (t) => post(t, brotliCompressSync(itemJson(uniqueId('br'))), { ...json, 'content-encoding': 'br' }),
    [200],
    FEED,
  ),
  named(
    'gzip declared but the body is plain',
    (t) => post(t, itemJson(uniqueId('fakegz')), { ...json, 'content-encoding': 'gzip' }),
    [400],
    NOTHING,
  ),
  named(
    'an unknown Content-Encoding',
    (t) => post(t, itemJson(uniqueId('enc')), { ...json, 'content-encoding': 'x-unknown' }),
    [415],
    NOTHING,
  ),
  named(
    'Content-Encoding compress',
    (t) => post(t, itemJson(uniqueId('enc')), { ...json, 'content-encoding': 'compress' }),
    [415],
    NOTHING,
  ),
  named(
    'an unknown charset (read as UTF-8)',
    (t) => post(t, itemJson(uniqueId('cs')), { 'content-type': 'application/json; charset=x-klingon' }),
    [200],
    FEED,
  ),
  named(
    'a latin-1 body with its charset declared',
    (t) =>
      post(t, Buffer.from(itemJson(ids.latin, { name: 'Café' }), 'latin1'), {
        'content-type': 'application/json; charset=iso-8859-1',
      }),
    [200],
    FEED,
    async (t) => expect(await storedName(t, ids.latin)).toBe('Café'),
  ),
  named(
    'a UTF-16LE body with its charset declared',
    (t) =>
      post(t, Buffer.from(itemJson(ids.utf16, { name: 'Ünïcode' }), 'utf16le'), {
        'content-type': 'application/json; charset=utf-16le',
      }),
    [200],
    FEED,
    async (t) => expect(await storedName(t, ids.utf16)).toBe('Ünïcode'),
  ),
  named(
    'invalid UTF-8 bytes in a name (replaced, not rejected)',
    (t) => {
      const head = Buffer.from(`{"catalog_id":"77","item_id":"${ids.bad}","name":"A`);
      return post(t, Buffer.concat([head, Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('B"}')]), json);
    },
    [200],
    FEED,
    async (t) => expect(await storedName(t, ids.bad)).toBe('A\uFFFD\uFFFD(B'),
  ),
  named(
    'a byte-order mark before JSON',
    (t) => post(t, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(itemJson(ids.bom))]), json),
    [200],
    FEED,
    async (t) => expect(await productOrNull(t.engine, `77:${ids.bom}`)).not.toBeNull(),
  ),
  named(
    'NUL bytes inside a name',
    (t) => post(t, itemJson(ids.nul, { name: 'Null\u0000Byte\u0000' }), json),
    [200],
    FEED,
    async (t) => expect(await storedName(t, ids.nul)).toBe('Null Byte'),
  ),
  named('a body of NUL bytes only', (t) => post(t, Buffer.alloc(64), json), [200], QUARANTINE),
  named(
    'random binary',
    (t) =>
      post(t, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256)), {
        'content-type': 'application/octet-stream',
      }),
    [200],
    QUARANTINE,
  ),
  named(
    'a multipart/form-data body (not a supported format)',
    (t) => {
      const body = `--b\r\nContent-Disposition: form-data; name="item_id"\r\n\r\nMP-1\r\n--b\r\nContent-Disposition: form-data; name="catalog_id"\r\n\r\n77\r\n--b--\r\n`;
      return post(t, body, { 'content-type': 'multipart/form-data; boundary=b' });
    },
    [200],
    QUARANTINE,
  ),
  named(
    'JSON sent as text/plain',
    (t) => post(t, itemJson(uniqueId('plain')), { 'content-type': 'text/plain' }),
    [200],
    FEED,
  ),
  named('JSON with no Content-Type', (t) => post(t, itemJson(uniqueId('nocontent')), {}), [200], FEED),
];

function secretOf(t: TestEngine): string {
  return t.url().split('/').at(-1) ?? '';
}

runBadInputs('receiver framing', rows);
