// Messages as the outbox hands them to a formatter: one alert, or a digest of many.
import type { AlertItem } from '../../../main/engine/channels/message/alert-item.js';
import type { OutgoingMessage } from '../../../main/engine/channels/message/outgoing.js';

export function sampleItem(n = 1, overrides: Partial<AlertItem> = {}): AlertItem {
  return {
    entryId: String(100 + n),
    at: '2026-06-01T10:00:00.000Z',
    key: `24836:ACME-TB-${n}`,
    catalogId: '24836',
    catalogItemId: `ACME-TB-${n}`,
    campaignId: '4521',
    name: `Acme Toaster ${n}`,
    brand: 'Acme',
    url: `https://acme.example/p/${n}?irclickid=abc`,
    imageUrl: `https://acme.example/i/${n}.jpg`,
    watchId: 'w1',
    rule: 'price-drop-pct',
    ruleText: 'Price drops ≥ 10%',
    message: `Acme Toaster ${n}: $39.99 → $34.99 (−12.5%)`,
    change: '$39.99 → $34.99 (−12.5%)',
    currentPrice: 34.99,
    currency: 'USD',
    price: '$34.99',
    stockAvailability: 'InStock',
    stock: 'In stock',
    ...overrides,
  };
}

export function sampleMessage(count = 1, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const items = Array.from({ length: Math.min(count, 50) }, (_, i) => sampleItem(i + 1));
  return {
    id: 'msg_101_0_c1',
    type: 'alerts',
    channel: { id: 'c1', name: 'Team alerts' },
    items,
    total: count,
    createdAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  };
}

export const noLinks = { productLink: () => undefined };
export const hubLinks = {
  productLink: (key: string) => `https://hub.example:8789/#/product/${encodeURIComponent(key)}`,
};
