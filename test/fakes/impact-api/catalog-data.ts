// The fake Partner API's catalogs and items, kept as impact.com answers them: every scalar a string, the item Id
// `product_<catalog>_<item>`, items newest-created first, DateLastUpdated moving whenever the brand changes something.

export interface FakeItemInput {
  catalogItemId: string;
  name: string;
  currentPrice?: string;
  originalPrice?: string;
  currency?: string;
  stockAvailability?: string;
  /** left out of the record when not given (the API does not always carry it) */
  inventory?: string;
  manufacturer?: string;
  description?: string;
  url?: string;
  imageUrl?: string;
}

export interface FakeCatalogInput {
  id: string;
  name: string;
  advertiserName: string;
  campaignId: string;
  campaignName?: string;
  currency?: string;
  items?: FakeItemInput[];
}

export type WireRecord = Record<string, unknown>;

interface StoredCatalog {
  input: FakeCatalogInput;
  updatedAt: number;
  items: Map<string, { seq: number; record: WireRecord }>;
}

/** "2026-06-01T03:00:00-07:00": impact.com writes times with an offset (Pacific). */
function pacificTime(ms: number): string {
  return `${new Date(ms - 7 * 3_600_000).toISOString().slice(0, 19)}-07:00`;
}

export class FakeCatalogData {
  private readonly catalogs = new Map<string, StoredCatalog>();
  private seq = 0;

  constructor(
    private readonly accountSid: string,
    private readonly now: () => number,
  ) {}

  seedCatalog(input: FakeCatalogInput): void {
    this.catalogs.set(input.id, { input, updatedAt: this.now(), items: new Map() });
    for (const item of input.items ?? []) this.putItem(input.id, item);
  }

  /** Inserts (newest first from now on) or replaces an item. */
  putItem(catalogId: string, input: FakeItemInput): void {
    const catalog = this.mustGet(catalogId);
    const seq = catalog.items.get(input.catalogItemId)?.seq ?? ++this.seq;
    catalog.items.set(input.catalogItemId, { seq, record: this.itemRecord(catalog.input, input) });
    catalog.updatedAt = this.now();
  }

  changeItem(catalogId: string, catalogItemId: string, patch: Partial<Omit<FakeItemInput, 'catalogItemId'>>): void {
    const stored = this.mustGet(catalogId).items.get(catalogItemId);
    if (stored === undefined) throw new Error(`fake impact API: no item ${catalogId}/${catalogItemId}`);
    const current = stored.record as Record<string, string>;
    this.putItem(catalogId, {
      catalogItemId,
      name: patch.name ?? current.Name ?? '',
      currentPrice: patch.currentPrice ?? current.CurrentPrice,
      originalPrice: patch.originalPrice ?? current.OriginalPrice,
      currency: patch.currency ?? current.Currency,
      stockAvailability: patch.stockAvailability ?? current.StockAvailability,
      inventory: patch.inventory ?? current.Inventory,
      manufacturer: patch.manufacturer ?? current.Manufacturer,
      description: patch.description ?? current.Description,
      url: patch.url ?? current.Url,
      imageUrl: patch.imageUrl ?? current.ImageUrl,
    });
  }

  deleteItem(catalogId: string, catalogItemId: string): void {
    const catalog = this.mustGet(catalogId);
    catalog.items.delete(catalogItemId);
    catalog.updatedAt = this.now();
  }

  catalogRecords(): WireRecord[] {
    return [...this.catalogs.values()].map((catalog) => this.recordOf(catalog));
  }

  catalogRecord(catalogId: string): WireRecord | undefined {
    const stored = this.catalogs.get(catalogId);
    return stored === undefined ? undefined : this.recordOf(stored);
  }

  private recordOf(stored: StoredCatalog): WireRecord {
    const { input } = stored;
    const root = `/Mediapartners/${this.accountSid}/Catalogs/${input.id}`;
    const file = `/${input.advertiserName.replace(/\W+/g, '-')}/${input.name.replace(/\W+/g, '-')}_IR.txt.gz`;
    return {
      Id: input.id,
      Name: input.name,
      Language: 'English (United States)',
      AdvertiserId: `9${input.campaignId}`,
      AdvertiserName: input.advertiserName,
      AdvertiserLocation: 'United States',
      CampaignId: input.campaignId,
      CampaignName: input.campaignName ?? input.advertiserName,
      NumberOfItems: String(stored.items.size),
      DateLastUpdated: pacificTime(stored.updatedAt),
      Currency: input.currency ?? 'USD',
      ServiceAreas: '',
      Locations: [file],
      // Real answers carry FTP credentials here; the client must never surface them.
      FTPLocations: [`ftp://ps-ftp_${this.accountSid}:FtpSecret123@products.impact.com${file}`],
      ItemsUri: `${root}/Items`,
      Uri: root,
    };
  }

  /** Newest-created first; undefined when the catalog does not exist. */
  itemRecords(catalogId: string): WireRecord[] | undefined {
    const catalog = this.catalogs.get(catalogId);
    if (catalog === undefined) return undefined;
    return [...catalog.items.values()].sort((a, b) => b.seq - a.seq).map((item) => item.record);
  }

  itemById(catalogId: string, id: string): WireRecord | undefined {
    const catalog = this.catalogs.get(catalogId);
    for (const item of catalog?.items.values() ?? []) if (item.record.Id === id) return item.record;
    return undefined;
  }

  /** Every item of every catalog, newest-created first, each with its creation number (the search cursor). */
  allItems(): { seq: number; record: WireRecord }[] {
    return [...this.catalogs.values()].flatMap((catalog) => [...catalog.items.values()]).sort((a, b) => b.seq - a.seq);
  }

  private mustGet(catalogId: string): StoredCatalog {
    const catalog = this.catalogs.get(catalogId);
    if (catalog === undefined) throw new Error(`fake impact API: no catalog ${catalogId}`);
    return catalog;
  }

  private itemRecord(catalog: FakeCatalogInput, input: FakeItemInput): WireRecord {
    const id = `product_${catalog.id}_${input.catalogItemId}`;
    const current = Number(input.currentPrice);
    const original = Number(input.originalPrice);
    const discount = original > 0 && current < original ? String(Math.round((1 - current / original) * 100)) : '';
    return {
      Id: id,
      CatalogId: catalog.id,
      CampaignId: catalog.campaignId,
      CampaignName: catalog.campaignName ?? catalog.advertiserName,
      CatalogItemId: input.catalogItemId,
      Name: input.name,
      Description: input.description ?? '',
      Multipack: '',
      Bullets: [],
      Labels: [],
      Manufacturer: input.manufacturer ?? catalog.advertiserName,
      Url: input.url ?? `https://example.pxf.io/c/1924609/3061936/${catalog.campaignId}?prodsku=${input.catalogItemId}`,
      MobileUrl: '',
      ImageUrl: input.imageUrl ?? '',
      AdditionalImageUrls: [],
      CurrentPrice: input.currentPrice ?? '',
      OriginalPrice: input.originalPrice ?? '',
      DiscountPercentage: discount,
      Currency: input.currency ?? catalog.currency ?? 'USD',
      StockAvailability: input.stockAvailability ?? '',
      ...(input.inventory === undefined ? {} : { Inventory: input.inventory }),
      Gtin: '',
      // The one documented boolean: a real JSON true/false among the strings.
      IsParent: false,
      Uri: `/Mediapartners/${this.accountSid}/Catalogs/${catalog.id}/Items/${encodeURIComponent(id)}`,
    };
  }
}
