// Hostile or broken bodies: parseRequest must answer with a reason, never throw, never pollute prototypes.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../main/engine/ingest/index.js';
import { raw } from './helpers.js';

describe('parseRequest: hostile input', () => {
  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const body =
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"a":{"__proto__":"x"},"item":"A"}';
    const result = parseRequest(raw(body, 'application/json'));
    expect(result).toEqual({ ok: true, format: 'json', fields: { item: 'A' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.ok ? result.fields : {})).toBe(Object.prototype);
  });

  it('drops them from query strings, forms and lenient JSON too', () => {
    const query = parseRequest(raw('', '', '__proto__[polluted]=1&__proto__=1&constructor=1&item=A'));
    expect(query).toMatchObject({ ok: true, fields: { item: 'A', '__proto__[polluted]': '1' } });
    expect(Object.hasOwn(query.ok ? query.fields : {}, '__proto__')).toBe(false);
    const lenient = parseRequest(raw('{"__proto__": "x", "item": "A",}', 'application/json'));
    expect(lenient).toEqual({ ok: true, format: 'lenient-json', fields: { item: 'A' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns ok:false for 100k-deep nesting without throwing', () => {
    for (const body of ['['.repeat(100_000), '{"a":'.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      const result = parseRequest(raw(body, 'application/json'));
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/nested deeper than 32/) });
    }
  });

  it('accepts nesting up to the limit', () => {
    const body = `${'{"a":'.repeat(31)}"deep"${'}'.repeat(31)}`;
    expect(parseRequest(raw(body))).toMatchObject({ ok: true, fields: { a: 'deep' } });
  });

  it('refuses more than 500 fields', () => {
    const many = `{${Array.from({ length: 501 }, (_, i) => `"k${i}":"v"`).join(',')}}`;
    expect(parseRequest(raw(many))).toEqual({ ok: false, reason: 'more than 500 fields' });
    const form = Array.from({ length: 501 }, (_, i) => `k${i}=v`).join('&');
    expect(parseRequest(raw(form))).toEqual({ ok: false, reason: 'more than 500 fields' });
    const fine = `{${Array.from({ length: 500 }, (_, i) => `"k${i}":"v"`).join(',')}}`;
    expect(parseRequest(raw(fine)).ok).toBe(true);
  });

  it('survives non-string parts of a malformed request object', () => {
    const broken = { method: 'POST', query: undefined, contentType: null, headers: {}, body: 42 } as never;
    expect(parseRequest(broken)).toEqual({ ok: false, reason: 'empty postback' });
  });
});
