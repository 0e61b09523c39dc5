// The client reads items from the fake Partner API over real HTTP: by API Id, by CatalogItemId, page by page, in
// JSON and in XML, ready to be recorded like a postback.
import { describe, expect, it } from 'vitest';
import { ACME, BRIGHTSIDE, impactTestBedPerTest } from './impact-setup.js';

const bed = impactTestBedPerTest();

describe('impact.com client: items', () => {
  it('gets an item by its API Id, ready to record like a postback', async () => {
    const { fake, client } = bed();
    const item = await client().getItem({
      catalogId: ACME,
      catalogItemId: 'ACME-TENT-2P',
      apiId: `product_${ACME}_ACME-TENT-2P`,
    });
    expect(item).toMatchObject({
      apiId: `product_${ACME}_ACME-TENT-2P`,
      catalogId: ACME,
      catalogItemId: 'ACME-TENT-2P',
      campaignId: '4521',
      name: 'Acme 2-person tent',
      currentPrice: 199.99,
      originalPrice: 249.99,
      currency: 'USD',
      stockAvailability: 'InStock',
      inventory: 14,
    });
    expect(item?.postbackFields).toEqual({
      CatalogId: ACME,
      CampaignId: '4521',
      CatalogItemId: 'ACME-TENT-2P',
      Name: 'Acme 2-person tent',
      Url: 'https://example.pxf.io/c/1924609/3061936/4521?prodsku=ACME-TENT-2P',
      ImageUrl: 'https://img.acme.example/tent-2p.jpg',
      CurrentPrice: '199.99',
      OriginalPrice: '249.99',
      Currency: 'USD',
      StockAvailability: 'InStock',
      Inventory: '14',
    });
    expect(fake.requests.map((request) => request.path)).toEqual([
      `/Mediapartners/${fake.accountSid}/Catalogs/${ACME}/Items/product_${ACME}_ACME-TENT-2P`,
    ]);
  });

  it('gets an item by CatalogItemId through a Query with the quote escaped, from XML too', async () => {
    const { fake, client } = bed();
    fake.forceFormat('xml');
    const item = await client().getItem({ catalogId: ACME, catalogItemId: "O'NEIL-CAP" });
    expect(item).toMatchObject({ apiId: `product_${ACME}_O'NEIL-CAP`, name: "O'Neil cap", currentPrice: 1299 });
    expect(item?.stockAvailability).toBe('OutofStock');
    expect(fake.requests.at(-1)?.query.Query).toBe("CatalogItemId = 'O''NEIL-CAP'");
  });

  it('does not call an item gone when impact.com ignored the query (more pages, no match)', async () => {
    const { fake, client } = bed();
    const other = `{"Id":"product_${ACME}_ACME-TB-12","CatalogId":"${ACME}","CatalogItemId":"ACME-TB-12"}`;
    const next = `/Mediapartners/${fake.accountSid}/Catalogs/${ACME}/Items?Page=2`;
    fake.injectFault({ type: 'raw', text: `{"@nextpageuri":"${next}","Items":[${other}]}` });
    await expect(client().getItem({ catalogId: ACME, catalogItemId: 'ACME-TENT-2P' })).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('follows an absolute next-page link only to impact.com itself', async () => {
    const { fake, client } = bed();
    fake.injectFault({
      type: 'raw',
      text: '{"@nextpageuri":"https://elsewhere.example/Catalogs?Page=2","Catalogs":[]}',
    });
    await expect(client().listCatalogs()).rejects.toMatchObject({ kind: 'bad-response' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reads empty values as missing, not as zero', async () => {
    const { client } = bed();
    const item = await client().getItem({ catalogId: BRIGHTSIDE, catalogItemId: 'BS-CHAIR' });
    expect(item).toMatchObject({ currentPrice: null, stockAvailability: '', inventory: null });
    expect(item?.postbackFields).not.toHaveProperty('CurrentPrice');
  });

  it('answers null for an item that is gone, after the Id and the query both miss', async () => {
    const { fake, client } = bed();
    fake.deleteItem(ACME, 'ACME-TB-12');
    const item = await client().getItem({
      catalogId: ACME,
      catalogItemId: 'ACME-TB-12',
      apiId: `product_${ACME}_ACME-TB-12`,
    });
    expect(item).toBeNull();
    expect(fake.requests.map((request) => request.status)).toEqual([404, 200]);
    expect(await client().getItem({ catalogId: '999', catalogItemId: 'X' })).toBeNull();
  });

  it('sees a changed price and stock on the next fetch', async () => {
    const { fake, client } = bed();
    fake.changeItem(ACME, 'ACME-TENT-2P', { currentPrice: '174.99', stockAvailability: 'OutofStock' });
    const item = await client().getItem({ catalogId: ACME, catalogItemId: 'ACME-TENT-2P' });
    expect(item).toMatchObject({ currentPrice: 174.99, stockAvailability: 'OutofStock', name: 'Acme 2-person tent' });
  });

  it('lists a catalog’s items page by page, newest first', async () => {
    const { fake, client } = bed();
    for (let i = 0; i < 250; i++) fake.putItem(BRIGHTSIDE, { catalogItemId: `BS-${i}`, name: `Item ${i}` });
    const impact = client();
    const first = await impact.listCatalogItems(BRIGHTSIDE);
    expect(first.items).toHaveLength(200);
    expect(first.items[0]?.catalogItemId).toBe('BS-249');
    const second = await impact.listCatalogItems(BRIGHTSIDE, first.next);
    expect(second.items).toHaveLength(52);
    expect(second.next).toBeNull();
    expect(fake.requests.at(-1)?.url).toBe(first.next);
  });

  it('decodes XML text once and refuses a DOCTYPE outright', async () => {
    const { fake, client } = bed();
    const item = (name: string) =>
      `<ImpactRadiusResponse><Item><Id>product_${ACME}_X</Id><CatalogId>${ACME}</CatalogId>` +
      `<CatalogItemId>X</CatalogItemId><Name>${name}</Name><CurrentPrice>5.00</CurrentPrice></Item></ImpactRadiusResponse>`;
    fake.injectFault({
      type: 'raw',
      contentType: 'application/xml',
      text: item('Tom &amp; Jerry&#39;s &amp;lt;cap&amp;gt;'),
    });
    const ref = { catalogId: ACME, catalogItemId: 'X', apiId: `product_${ACME}_X` };
    expect(await client().getItem(ref)).toMatchObject({ name: "Tom & Jerry's &lt;cap&gt;", currentPrice: 5 });
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${item('&b;')}`;
    fake.injectFault({ type: 'raw', contentType: 'application/xml', text: bomb });
    await expect(client().getItem(ref)).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
