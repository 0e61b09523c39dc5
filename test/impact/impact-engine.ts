// Shared set-up of the engine-side impact.com tests: Acme's catalog in the fake Partner API, and the engine's options
// that point it at the fake with a client whose waits move the manual clock instead of taking time.
import type { EngineOptions } from '../../main/engine/types.js';
import type { FakeImpactApi, FakeItemInput } from '../fakes/impact-api.js';
import type { ManualClock } from '../fakes/manual-clock.js';

export const ACME = '24836';

export function seedAcme(fake: FakeImpactApi, items: FakeItemInput[]): void {
  fake.seedCatalog({
    id: ACME,
    name: 'Acme Outdoor Official Catalog',
    advertiserName: 'Acme Outdoor',
    campaignId: '4521',
    items,
  });
}

export function fakeImpact(fake: FakeImpactApi, clock: ManualClock): EngineOptions['impact'] {
  return { apiBase: fake.url, clientOptions: { clock: clock.now, sleep: clock.sleep, random: () => 0.5 } };
}
