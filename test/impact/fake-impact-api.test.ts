// The fake Partner API itself, over raw HTTP: it must behave as impact.com is documented and seen to, or the client
// tests prove nothing.
import { describe, expect, it } from 'vitest';
import { request } from '../helpers/http.js';
import { ACME, BRIGHTSIDE, impactTestBedPerTest } from './impact-setup.js';

const bed = impactTestBedPerTest();

function get(path: string, headers: Record<string, string> = {}, token?: string) {
  const { fake } = bed();
  const basic = Buffer.from(`${fake.accountSid}:${token ?? fake.authToken}`).toString('base64');
  return request(`${fake.url}/Mediapartners/${fake.accountSid}${path}`, {
    headers: { authorization: `Basic ${basic}`, ...headers },
  });
}

describe('fake impact.com Partner API', () => {
  it('answers XML by default, paging as attributes of the list', async () => {
    const answer = await get('/Catalogs?PageSize=1');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/xml/);
    expect(answer.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<ImpactRadiusResponse><Catalogs page="1"/);
    expect(answer.body).toContain(
      `nextpageuri="/Mediapartners/${bed().fake.accountSid}/Catalogs?PageSize=1&amp;Page=2"`,
    );
    expect(answer.body).toContain(`<Catalog><Id>${ACME}</Id>`);
    expect(answer.body).toContain('<ServiceAreas/>');
  });

  it('answers JSON for Accept: application/json or a .json suffix, every scalar a string', async () => {
    for (const answer of [await get('/Catalogs', { accept: 'application/json' }), await get('/Catalogs.json')]) {
      const body = JSON.parse(answer.body);
      expect(body['@total']).toBe('2');
      expect(body['@nextpageuri']).toBe('');
      expect(body.Catalogs[0]).toMatchObject({
        Id: ACME,
        NumberOfItems: '3',
        DateLastUpdated: '2026-06-01T03:00:00-07:00',
      });
    }
  });

  it('refuses bad credentials with 401 and impact.com’s error body; a scoped token with 403', async () => {
    const { fake } = bed();
    const wrong = await get('/Catalogs.json', {}, 'wrong');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual({ Status: 'ERROR', Message: 'Invalid credentials' });
    fake.setScopedToken('scoped');
    const scoped = await get('/Catalogs', {}, 'scoped');
    expect(scoped.status).toBe(403);
    expect(scoped.body).toContain('<Status>ERROR</Status><Message>This token does not have access');
    expect(fake.requests.every((r) => !('authorization' in r.headers))).toBe(true);
  });

  it('gives items the product_<catalog>_<item> Id, finds them by it, and 404s with an error body otherwise', async () => {
    const found = await get(`/Catalogs/${ACME}/Items/product_${ACME}_ACME-TB-12.json`);
    expect(JSON.parse(found.body)).toMatchObject({ Id: `product_${ACME}_ACME-TB-12`, CatalogItemId: 'ACME-TB-12' });
    const byItemId = await get(`/Catalogs/${ACME}/Items/ACME-TB-12.json`);
    expect(byItemId.status).toBe(404);
    expect(JSON.parse(byItemId.body)).toEqual({ Status: 'ERROR', Message: 'Resource not found' });
  });

  it('filters items by Query, refusing one it cannot read with 400', async () => {
    const query = encodeURIComponent("CatalogItemId = 'O''NEIL-CAP'");
    const found = JSON.parse((await get(`/Catalogs/${ACME}/Items.json?Query=${query}`)).body);
    expect(found.Items.map((item: { Name: string }) => item.Name)).toEqual(["O'Neil cap"]);
    const bad = await get(`/Catalogs/${ACME}/Items.json?Query=${encodeURIComponent('Name LIKE tent')}`);
    expect(bad.status).toBe(400);
  });

  it('caps the page size at 200', async () => {
    const { fake } = bed();
    for (let i = 0; i < 250; i++) fake.putItem(BRIGHTSIDE, { catalogItemId: `N-${i}`, name: `n ${i}` });
    const body = JSON.parse((await get(`/Catalogs/${BRIGHTSIDE}/Items.json?PageSize=500`)).body);
    expect(body.Items).toHaveLength(200);
    expect(body['@pagesize']).toBe('200');
  });

  it('pages ItemSearch by an AfterId cursor with @total stuck at 0', async () => {
    const first = JSON.parse((await get('/Catalogs/ItemSearch.json?Keyword=TENT&PageSize=1')).body);
    expect(first['@total']).toBe('0');
    expect(first['@nextpageuri']).toMatch(
      /^\/Mediapartners\/.+\/Catalogs\/ItemSearch\.json\?Keyword=TENT&PageSize=1&AfterId=g2wAAAAB/,
    );
    const second = JSON.parse((await get(first['@nextpageuri'].replace(/^\/Mediapartners\/[^/]+/, ''))).body);
    expect([first.Items[0].Name, second.Items[0].Name]).toEqual(['Family tent for 6', 'Acme 2-person tent']);
    expect(second['@nextpageuri']).toBe('');
  });

  it('limits each endpoint group per clock hour with 429 and its headers, and resets at the hour', async () => {
    const { fake, clock } = bed();
    fake.setHourlyLimit('product-search', 2);
    const path = `/Catalogs/${ACME}/Items.json`;
    const answers = [await get(path), await get(path), await get(path)];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[1]?.headers).toMatchObject({ 'x-ratelimit-limit-hour': '2', 'x-ratelimit-remaining-hour': '0' });
    expect(answers[2]?.headers).toMatchObject({ 'ratelimit-reset': '3600', 'retry-after': '3600' });
    expect((await get('/Catalogs.json')).status).toBe(200);
    expect(fake.stats.refusedOverLimit).toBe(1);
    clock.advance(3_600_000);
    expect((await get(path)).status).toBe(200);
  });
});
