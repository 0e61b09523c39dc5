import { describe, expect, it } from 'vitest';
import { parseRequest, readPostback } from '../../../main/engine/ingest/index.js';
import { raw } from './helpers.js';

function fieldsOf(result: ReturnType<typeof parseRequest>): Record<string, string> {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.fields;
}

describe('parseRequest: formats', () => {
  it('reads a JSON body and names the format', () => {
    const result = parseRequest(raw('{"item_id":"A-1","price":"9.99"}', 'application/json'));
    expect(result).toEqual({ ok: true, fields: { item_id: 'A-1', price: '9.99' }, format: 'json' });
  });

  it('reads the query string alone (GET) as format "query", with or without a leading "?"', () => {
    expect(parseRequest(raw('', '', 'item=A-1&price=9.99', 'GET'))).toEqual({
      ok: true,
      fields: { item: 'A-1', price: '9.99' },
      format: 'query',
    });
    expect(fieldsOf(parseRequest(raw('', '', '?item=A%2F1+x')))).toEqual({ item: 'A/1 x' });
  });

  it('merges query and body, the body winning', () => {
    const result = parseRequest(raw('{"price":"2.00","stock":"InStock"}', 'application/json', 'price=1.00&item=A'));
    expect(fieldsOf(result)).toEqual({ price: '2.00', stock: 'InStock', item: 'A' });
  });

  it('reads form bodies, decoding + and percent escapes', () => {
    const result = parseRequest(
      raw('Name=Globex+65%22+TV&CurrentPrice=%241%2C299.00', 'application/x-www-form-urlencoded'),
    );
    expect(result).toMatchObject({ ok: true, format: 'form' });
    expect(fieldsOf(result)).toEqual({ Name: 'Globex 65" TV', CurrentPrice: '$1,299.00' });
  });

  it('sniffs the body when the content type is missing or wrong', () => {
    expect(parseRequest(raw('  {"a":"1"}', ''))).toMatchObject({ ok: true, format: 'json' });
    expect(parseRequest(raw('{"a":"1"}', 'text/plain'))).toMatchObject({ ok: true, format: 'json' });
    expect(parseRequest(raw('<r><a>1</a></r>', 'application/json'))).toMatchObject({ ok: true, format: 'xml' });
    expect(parseRequest(raw('a=1&b=2', 'application/json'))).toMatchObject({ ok: true, format: 'form' });
    expect(parseRequest(raw('\uFEFF{"a":"1"}', ''))).toMatchObject({ ok: true, format: 'json' });
  });

  it('fails with a reason for an empty postback or an unreadable body', () => {
    expect(parseRequest(raw('', '', ''))).toEqual({ ok: false, reason: 'empty postback' });
    expect(parseRequest(raw('   \n', '', ''))).toEqual({ ok: false, reason: 'empty postback' });
    const garbage = parseRequest(raw('hello there', 'text/plain'));
    expect(garbage.ok).toBe(false);
    expect(garbage.ok ? '' : garbage.reason).toMatch(/unrecognized body format/);
    expect(parseRequest(raw('{}', 'application/json')).ok).toBe(false);
  });
});

describe('parseRequest: JSON flattening', () => {
  it('keeps the leaf key (first occurrence wins) and the dotted path of nested values', () => {
    const body = '{"catalog":{"id":"24836"},"item":{"id":"A-1","price":{"amount":"5.00"}}}';
    expect(fieldsOf(parseRequest(raw(body)))).toEqual({
      id: '24836',
      'catalog.id': '24836',
      'item.id': 'A-1',
      amount: '5.00',
      'item.price.amount': '5.00',
    });
  });

  it('turns numbers, booleans and null into strings, keeping number source text exactly', () => {
    const body = '{"id":123456789012345678901,"price":29.90,"tiny":1e-7,"ok":true,"gone":null}';
    expect(fieldsOf(parseRequest(raw(body)))).toEqual({
      id: '123456789012345678901',
      price: '29.90',
      tiny: '1e-7',
      ok: 'true',
      gone: '',
    });
  });

  it('indexes arrays in dotted paths under the nearest key', () => {
    const body = '{"labels":["a","b"],"rows":[{"sku":"S1"},{"sku":"S2"}]}';
    expect(fieldsOf(parseRequest(raw(body)))).toEqual({
      labels: 'a',
      'labels.0': 'a',
      'labels.1': 'b',
      sku: 'S1',
      'rows.0.sku': 'S1',
      'rows.1.sku': 'S2',
    });
  });

  it('takes only the first object of a top-level array', () => {
    expect(fieldsOf(parseRequest(raw('[{"item":"A"},{"item":"B","extra":"x"}]')))).toEqual({ item: 'A' });
    expect(fieldsOf(parseRequest(raw('["skip", {"item":"A","n":{"x":"1"}}]')))).toEqual({
      item: 'A',
      x: '1',
      'n.x': '1',
    });
  });

  it('decodes JSON escapes', () => {
    expect(fieldsOf(parseRequest(raw('{"name":"Caf\\u00e9 \\"Bar\\"\\n"}')))).toEqual({ name: 'Café "Bar"\n' });
  });
});

describe('parseRequest: sloppy JSON', () => {
  it('reads impact.com-style templates with a stray string (format lenient-json)', () => {
    const body = '{"Product Data Change Postback", "item_id": "GLX-TV-65", "catalog_id": "5120", "price": "1199.00"}';
    expect(parseRequest(raw(body, 'application/json'))).toEqual({
      ok: true,
      format: 'lenient-json',
      fields: { item_id: 'GLX-TV-65', catalog_id: '5120', price: '1199.00' },
    });
  });

  it.each([
    ['trailing comma', '{"item":"A","price":"1",}', { item: 'A', price: '1' }],
    ['missing comma', '{"item":"A" "price":"1"}', { item: 'A', price: '1' }],
    ['single quotes', "{'item':'A','price':'1'}", { item: 'A', price: '1' }],
    ['unquoted keys and bare values', '{item: A-1, price: 1.5}', { item: 'A-1', price: '1.5' }],
    [
      'an unescaped quote inside a value',
      '{"name":"Globex 65" OLED TV","item":"A"}',
      { name: 'Globex 65" OLED TV', item: 'A' },
    ],
    ['a raw newline inside a value', '{"name":"two\nlines","item":"A"}', { name: 'two\nlines', item: 'A' }],
    ['a missing closing brace', '{"item":"A","price":"1"', { item: 'A', price: '1' }],
    ['null values', '{"item":"A","price":null,}', { item: 'A', price: '' }],
  ])('%s', (_, body, expected) => {
    expect(parseRequest(raw(body, 'application/json'))).toEqual({ ok: true, format: 'lenient-json', fields: expected });
  });

  it('reads pairs without braces when the content type says JSON', () => {
    expect(parseRequest(raw('"item": "A", "price": "1"', 'application/json'))).toMatchObject({
      ok: true,
      fields: { item: 'A', price: '1' },
    });
  });

  it('fails when sloppy JSON holds no pairs, saying where the JSON broke', () => {
    expect(parseRequest(raw('{"just a string"}', 'application/json'))).toEqual({
      ok: false,
      reason: 'the body is not valid JSON (unexpected "}" at character 17)',
    });
  });

  it('quarantines a body cut off inside a value instead of keeping the value cut short', () => {
    expect(parseRequest(raw('{"item":"A","price":"59', 'application/json'))).toEqual({
      ok: false,
      reason: 'the body is not valid JSON (unexpected end at character 23)',
    });
    expect(parseRequest(raw('{"item":"A","price":59', 'application/json'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unexpected end at character 22/),
    });
    expect(parseRequest(raw('{"item":"A","price":"5.99"', 'application/json'))).toMatchObject({ ok: true });
  });
});

describe('parseRequest: XML', () => {
  it('flattens elements like JSON and keeps values as text', () => {
    const body = '<?xml version="1.0"?><change><op>Update</op><item><id>007</id><price>1.50</price></item></change>';
    expect(fieldsOf(parseRequest(raw(body, 'application/xml')))).toEqual({
      op: 'Update',
      'change.op': 'Update',
      id: '007',
      'change.item.id': '007',
      price: '1.50',
      'change.item.price': '1.50',
    });
  });

  it('includes attributes after elements, and element text with attributes', () => {
    const body = '<item sku="ATTR"><sku>ELEM</sku><price currency="EUR">5.00</price></item>';
    expect(fieldsOf(parseRequest(raw(body)))).toMatchObject({ sku: 'ELEM', price: '5.00', currency: 'EUR' });
  });

  it('decodes the predefined entities, character references and CDATA once', () => {
    const body =
      '<r><url>https://x.test/?a=1&amp;b=2</url><n>&lt;b&gt; &#233;&#x41; &amp;lt;</n><c><![CDATA[a<b]]></c></r>';
    expect(fieldsOf(parseRequest(raw(body)))).toMatchObject({
      url: 'https://x.test/?a=1&b=2',
      n: '<b> éA &lt;',
      c: 'a<b',
    });
  });

  it('never expands DOCTYPE entities (no entity bombs, no external entities)', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><r><name>&lol9;</name><item>A</item></r>`;
    expect(fieldsOf(parseRequest(raw(bomb, 'application/xml')))).toMatchObject({ name: '&lol9;', item: 'A' });
    const xxe = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><name>&xxe;</name></r>';
    expect(fieldsOf(parseRequest(raw(xxe, 'application/xml')))).toMatchObject({ name: '&xxe;' });
  });

  it('strips namespace prefixes', () => {
    expect(fieldsOf(parseRequest(raw('<p:r xmlns:p="urn:x"><p:item>A</p:item></p:r>')))).toMatchObject({ item: 'A' });
  });

  it('reads sloppy XML leniently, like sloppy JSON', () => {
    expect(fieldsOf(parseRequest(raw('<r><item>A</itm><price>1</price>', 'application/xml')))).toMatchObject({
      item: 'A',
    });
  });

  it('fails with a reason on hostile XML instead of throwing', () => {
    const proto = parseRequest(raw('<r><__proto__><polluted>1</polluted></__proto__></r>', 'application/xml'));
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = parseRequest(raw('<a>'.repeat(100_000), 'application/xml'));
    expect(deep).toMatchObject({ ok: false, reason: expect.stringMatching(/invalid XML/) });
  });
});

describe('readPostback: the reason names the real problem', () => {
  it('says the body is not valid JSON when its readable remains have no item id', () => {
    const { result } = readPostback(raw('{"catalog_id": "7" "name": "Lamp"}', 'application/json'), {});
    expect(result).toEqual({
      kind: 'unusable',
      reason: 'the body is not valid JSON (unexpected text at character 20)',
    });
  });

  it('keeps the mapping advice for valid JSON without an item id', () => {
    const { result } = readPostback(raw('{"catalog_id": "7", "artikel": "B-2"}', 'application/json'), {});
    expect(result).toMatchObject({ kind: 'unusable', reason: expect.stringMatching(/no item id.*add a mapping/) });
  });

  it('says the body is not valid XML, with line and column', () => {
    const { result } = readPostback(raw('<r><catalog>7</catalog><name>x</nam></r>', 'application/xml'), {});
    expect(result).toMatchObject({
      kind: 'unusable',
      reason: expect.stringMatching(/^the body is not valid XML \(.*line 1, column \d+\)$/),
    });
  });

  it('still reads a sloppy template that has an item id', () => {
    const body = '{"Product Data Change Postback", "item_id": "GLX-TV-65", "catalog_id": "5120", "price": "1199.00"}';
    expect(readPostback(raw(body, 'application/json'), {}).result).toMatchObject({ kind: 'snapshot' });
  });
});
