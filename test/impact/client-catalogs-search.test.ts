// The client reads catalogs and search results from the fake Partner API over real HTTP, in JSON and in XML.
import { describe, expect, it } from 'vitest';
import { ACME, BRIGHTSIDE, impactTestBedPerTest } from './impact-setup.js';

const bed = impactTestBedPerTest();

describe('impact.com client: catalogs', () => {
  it('lists catalogs with brand names, asking for JSON with the pinned version and Basic auth', async () => {
    const { fake, client } = bed();
    const catalogs = await client().listCatalogs();
    expect(catalogs).toEqual([
      {
        id: ACME,
        name: 'Acme Outdoor Official Catalog',
        advertiserName: 'Acme Outdoor',
        campaignId: '4521',
        campaignName: 'Acme Outdoor US',
        numberOfItems: 3,
        dateLastUpdated: '2026-06-01T10:00:00.000Z',
        currency: 'USD',
      },
      expect.objectContaining({ id: BRIGHTSIDE, advertiserName: 'Brightside', numberOfItems: 2, currency: 'EUR' }),
    ]);
    const [request] = fake.requests;
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['ir-version']).toBe('16');
    expect(request?.query.PageSize).toBe('200');
    expect(request?.status).toBe(200);
  });

  it('reads the same catalogs from an XML answer', async () => {
    const { fake, client } = bed();
    const fromJson = await client().listCatalogs();
    fake.forceFormat('xml');
    const fromXml = await client().listCatalogs();
    expect(fromXml).toEqual(fromJson);
  });

  it('follows @nextpageuri verbatim until it is empty, never computing pages', async () => {
    const { fake, client } = bed();
    for (let i = 0; i < 448; i++) {
      fake.seedCatalog({ id: String(50_000 + i), name: `Catalog ${i}`, advertiserName: `Brand ${i}`, campaignId: '1' });
    }
    const catalogs = await client().listCatalogs();
    expect(catalogs).toHaveLength(450);
    expect(new Set(catalogs.map((catalog) => catalog.id)).size).toBe(450);
    expect(fake.requests.map((request) => request.url)).toEqual([
      `/Mediapartners/${fake.accountSid}/Catalogs?PageSize=200`,
      `/Mediapartners/${fake.accountSid}/Catalogs?PageSize=200&Page=2`,
      `/Mediapartners/${fake.accountSid}/Catalogs?PageSize=200&Page=3`,
    ]);
  });

  it('gets one catalog, and null for one impact.com does not have', async () => {
    const { client } = bed();
    expect(await client().getCatalog(BRIGHTSIDE)).toMatchObject({ id: BRIGHTSIDE, name: 'Brightside Home & Garden' });
    expect(await client().getCatalog('999')).toBeNull();
  });
});

describe('impact.com client: search', () => {
  it('searches all catalogs by keyword, joining the brand from the catalog list', async () => {
    const { client } = bed();
    const page = await client().searchItems({ keyword: 'tent' });
    expect(page.next).toBeNull();
    expect(page.items).toEqual([
      {
        apiId: `product_${BRIGHTSIDE}_BS-TENT-6P`,
        catalogId: BRIGHTSIDE,
        catalogItemId: 'BS-TENT-6P',
        name: 'Family tent for 6',
        manufacturer: 'Brightside',
        url: 'https://example.pxf.io/c/1924609/3061936/7788?prodsku=BS-TENT-6P',
        imageUrl: '',
        currentPrice: 329,
        originalPrice: null,
        currency: 'EUR',
        stockAvailability: 'PreOrder',
        brandName: 'Brightside',
        watched: false,
      },
      expect.objectContaining({ catalogItemId: 'ACME-TENT-2P', currentPrice: 199.99, originalPrice: 249.99 }),
    ]);
    expect(page.items[1]?.brandName).toBe('Acme Outdoor');
  });

  it('pages search results by the cursor impact.com hands out (@total stuck at 0)', async () => {
    const { fake, client } = bed();
    for (let i = 0; i < 5; i++) fake.putItem(ACME, { catalogItemId: `ACME-TENT-${i}`, name: `Trail tent ${i}` });
    const impact = client();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof impact.searchItems>> = await impact.searchItems({
        keyword: 'TENT',
        cursor,
        pageSize: 3,
      });
      seen.push(...page.items.map((item) => item.catalogItemId));
      cursor = page.next;
      if (cursor !== null) expect(cursor).toContain('AfterId=');
    } while (cursor !== null);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const searches = fake.requests.filter((request) => request.path.endsWith('/ItemSearch'));
    expect(searches).toHaveLength(3);
  });

  it('caps the page size it asks for at 200', async () => {
    const { fake, client } = bed();
    await client().searchItems({ keyword: 'tent', pageSize: 500 });
    expect(fake.requests.at(-1)?.query.PageSize).toBe('200');
  });

  it('searches one catalog by name with a quoted Query', async () => {
    const { fake, client } = bed();
    const page = await client().searchItems({ keyword: "o'neil", catalogId: ACME });
    expect(page.items.map((item) => item.catalogItemId)).toEqual(["O'NEIL-CAP"]);
    expect(page.items[0]).toMatchObject({
      currentPrice: 1299,
      stockAvailability: 'OutOfStock',
      brandName: 'Acme Outdoor',
    });
    expect(fake.requests.at(-1)?.query.Query).toBe("Name ~ 'o''neil'");
  });

  it('refuses a cursor that is not one of this account’s catalog links', async () => {
    const { fake, client } = bed();
    const impact = client();
    await expect(impact.searchItems({ keyword: 'x', cursor: 'https://evil.example/steal' })).rejects.toMatchObject({
      kind: 'rejected',
    });
    await expect(
      impact.searchItems({ keyword: 'x', cursor: '/Mediapartners/other/Catalogs/ItemSearch' }),
    ).rejects.toThrow();
    expect(fake.requests.every((request) => request.path.startsWith(`/Mediapartners/${fake.accountSid}/`))).toBe(true);
  });
});
