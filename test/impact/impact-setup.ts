// Shared set-up of the Partner API client tests: the fake on loopback with two brands' catalogs, a manual clock,
// and a client pointed at the fake whose waits move that clock instead of taking time.
import { afterEach, beforeEach } from 'vitest';
import { createImpactClient, type ImpactClient, type ImpactClientOptions } from '../../main/engine/impact/index.js';
import { type FakeImpactApi, startFakeImpactApi } from '../fakes/impact-api.js';
import { type ManualClock, manualClock } from '../fakes/manual-clock.js';

export const ACME = '24836';
export const BRIGHTSIDE = '31001';

export function seedTwoBrands(fake: FakeImpactApi): void {
  fake.seedCatalog({
    id: ACME,
    name: 'Acme Outdoor Official Catalog',
    advertiserName: 'Acme Outdoor',
    campaignId: '4521',
    campaignName: 'Acme Outdoor US',
    items: [
      {
        catalogItemId: 'ACME-TB-12',
        name: 'Tennis balls, 12 pack',
        currentPrice: '39.99',
        stockAvailability: 'InStock',
      },
      {
        catalogItemId: 'ACME-TENT-2P',
        name: 'Acme 2-person tent',
        currentPrice: '199.99',
        originalPrice: '249.99',
        stockAvailability: 'InStock',
        inventory: '14',
        imageUrl: 'https://img.acme.example/tent-2p.jpg',
      },
      { catalogItemId: "O'NEIL-CAP", name: "O'Neil cap", currentPrice: '1,299.00', stockAvailability: 'OutofStock' },
    ],
  });
  fake.seedCatalog({
    id: BRIGHTSIDE,
    name: 'Brightside Home & Garden',
    advertiserName: 'Brightside',
    campaignId: '7788',
    currency: 'EUR',
    items: [
      { catalogItemId: 'BS-TENT-6P', name: 'Family tent for 6', currentPrice: '329.00', stockAvailability: 'PreOrder' },
      { catalogItemId: 'BS-CHAIR', name: 'Folding chair', currentPrice: '', stockAvailability: '' },
    ],
  });
}

export interface LoggedLine {
  level: string;
  message: string;
  meta?: Record<string, unknown>;
}

export interface ImpactTestBed {
  fake: FakeImpactApi;
  clock: ManualClock;
  logs: LoggedLine[];
  client(overrides?: Partial<ImpactClientOptions>): ImpactClient;
}

/** A fresh fake (two brands seeded) and clock for each test; the fake and every client are closed after it. */
export function impactTestBedPerTest(): () => ImpactTestBed {
  let bed: ImpactTestBed | undefined;
  const clients: ImpactClient[] = [];
  beforeEach(async () => {
    bed = await startBed((client) => clients.push(client));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await bed?.fake.close();
    bed = undefined;
  });
  return () => {
    if (bed === undefined) throw new Error('the test bed exists only inside a test');
    return bed;
  };
}

async function startBed(onClient: (client: ImpactClient) => void): Promise<ImpactTestBed> {
  const clock = manualClock();
  const fake = await startFakeImpactApi({ now: clock.now });
  seedTwoBrands(fake);
  const logs: LoggedLine[] = [];
  const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    logs.push({ level, message, meta });
  return {
    fake,
    clock,
    logs,
    client: (overrides = {}) => {
      const client = createImpactClient({
        baseUrl: fake.url,
        accountSid: fake.accountSid,
        authToken: fake.authToken,
        clock: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        log: { info: log('info'), warn: log('warn'), error: log('error') },
        ...overrides,
      });
      onClient(client);
      return client;
    },
  };
}
