// Small builders of alerting feed entries and settings, shared by the desktop and reliability tests.
import type { FeedEntry } from '../../shared/contract/feed.js';
import type { Settings } from '../../shared/contract/settings.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';

let nextId = 1;

export function alertEntry(
  key: string,
  options: { name?: string; campaignId?: string; brandName?: string; message?: string; alerts?: number } = {},
): FeedEntry {
  const [catalogId = '1', catalogItemId = key] = key.split(':');
  const id = String(nextId++);
  const message = options.message ?? `Price of ${options.name ?? key} dropped`;
  return {
    id,
    at: new Date().toISOString(),
    seq: Number(id),
    key,
    product: {
      key,
      catalogId,
      catalogItemId,
      ...(options.campaignId ? { campaignId: options.campaignId } : {}),
      ...(options.brandName ? { brandName: options.brandName } : {}),
      ...(options.name ? { name: options.name } : {}),
      stockAvailability: 'InStock',
      removed: false,
      firstSeenAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    },
    operation: 'Update',
    isNew: false,
    source: 'postback',
    changes: [{ field: 'currentPrice', from: 20, to: 10 }],
    alerts: Array.from({ length: options.alerts ?? 1 }, () => ({ watchId: 'w1', kind: 'price-change', message })),
    read: false,
  };
}

export function settingsWith(
  notifications: Partial<Settings['notifications']> = {},
  rest: Partial<Omit<Settings, 'notifications'>> = {},
): Settings {
  return { ...DEFAULT_SETTINGS, ...rest, notifications: { ...DEFAULT_SETTINGS.notifications, ...notifications } };
}
