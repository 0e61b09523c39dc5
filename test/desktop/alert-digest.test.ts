import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertDigest, AWAY_PREFIX, type DigestSettings, HELD_PREFIX } from '../../main/desktop/alert-digest.js';
import { BODY_MAX, type NotificationText, TITLE_MAX } from '../../main/desktop/notification-text.js';
import { alertEntry } from '../fakes/alert-entries.js';

const base: DigestSettings = { enabled: true, digestWindowSeconds: 10, quietHours: null, alertsPausedUntil: null };

function makeDigest(settings: Partial<DigestSettings> = {}) {
  const shown: NotificationText[] = [];
  const digest = new AlertDigest({ settings: { ...base, ...settings }, show: (text) => shown.push(text) });
  return { digest, shown };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2025, 0, 15, 12, 0)); // local noon
});
afterEach(() => vi.useRealTimers());

describe('AlertDigest bursts', () => {
  it('turns a burst of 300 alerts into one digest notification', () => {
    const { digest, shown } = makeDigest();
    for (let i = 0; i < 300; i++) {
      digest.push([alertEntry(`7:item-${i}`, { campaignId: i < 200 ? '4521' : undefined })]);
      vi.advanceTimersByTime(20); // 300 × 20 ms = 6 s, inside the 10 s window
    }
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual([
      {
        title: '300 watched products changed',
        body: '200 from campaign 4521, 100 from catalog 7',
        route: '#/feed?filter=alerts',
      },
    ]);
  });

  it('shows a lone alert as one notification about the product', () => {
    const { digest, shown } = makeDigest();
    digest.push([alertEntry('12:sku/1', { name: 'Trail Shoe', message: 'Price dropped to €59.00' })]);
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual([{ title: 'Trail Shoe', body: 'Price dropped to €59.00', route: '#/product/12%3Asku%2F1' }]);
  });

  it('shows at once when the window is 0 and ignores entries without alerts', () => {
    const { digest, shown } = makeDigest({ digestWindowSeconds: 0 });
    digest.push([{ ...alertEntry('1:quiet'), alerts: [] }]);
    expect(shown).toHaveLength(0);
    digest.push([alertEntry('1:a', { name: 'A' })]);
    expect(shown.map((text) => text.title)).toEqual(['A']);
  });

  it('keeps a fixed window, so a steady trickle is still shown every window', () => {
    const { digest, shown } = makeDigest();
    for (let second = 0; second < 25; second++) {
      digest.push([alertEntry(`1:p${second}`)]);
      vi.advanceTimersByTime(1000);
    }
    expect(shown.length).toBe(2);
  });

  it('caps title and body and flattens them to one line of plain text', () => {
    const { digest, shown } = makeDigest({ digestWindowSeconds: 0 });
    digest.push([alertEntry('1:long', { name: `Very\nlong ${'name '.repeat(40)}`, message: `x\t${'y'.repeat(500)}` })]);
    const [text] = shown;
    expect(text?.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(text?.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(text?.title).toMatch(/^Very long name .*…$/);
    expect(text?.body).not.toMatch(/[\n\t]/);
  });

  it('shows nothing when notifications are disabled', () => {
    const { digest, shown } = makeDigest({ enabled: false });
    digest.push([alertEntry('1:a')]);
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(0);
  });
});

describe('AlertDigest names brands', () => {
  it('groups a digest by brand name once the impact.com catalogs are known', () => {
    const { digest, shown } = makeDigest({ digestWindowSeconds: 0 });
    digest.push([
      alertEntry('1:a', { campaignId: '9', brandName: 'Acme Outdoor' }),
      alertEntry('1:b', { campaignId: '9', brandName: 'Acme Outdoor' }),
      alertEntry('2:c', { campaignId: '7' }),
    ]);
    expect(shown.map((text) => text.body)).toEqual(['2 from Acme Outdoor, 1 from campaign 7']);
  });
});

describe('AlertDigest after a device was away', () => {
  it('turns a caught-up backlog into one "While you were away" notification, then shows live alerts as usual', () => {
    const { digest, shown } = makeDigest({ digestWindowSeconds: 0 });
    digest.pushCaughtUp(Array.from({ length: 14 }, (_, i) => alertEntry(`1:p${i}`, { campaignId: '9' })));
    digest.pushCaughtUp([alertEntry('1:p0', { campaignId: '9' })]); // the same product twice counts once
    expect(shown).toHaveLength(0);
    digest.caughtUp();
    expect(shown).toEqual([
      { title: `${AWAY_PREFIX}14 watched products changed`, body: '14 from campaign 9', route: '#/feed?filter=alerts' },
    ]);
    digest.caughtUp();
    digest.push([alertEntry('1:live')]);
    expect(shown).toHaveLength(2);
  });

  it('holds the backlog during quiet hours like any other alert', () => {
    vi.setSystemTime(new Date(2025, 0, 15, 23, 30));
    const { digest, shown } = makeDigest({ quietHours: { start: '22:00', end: '07:00' } });
    digest.pushCaughtUp([alertEntry('1:a'), alertEntry('1:b')]);
    digest.caughtUp();
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(8 * 60 * 60 * 1000);
    expect(shown.map((text) => text.title)).toEqual([`${HELD_PREFIX}2 watched products changed`]);
  });
});

describe('AlertDigest quiet hours and pause', () => {
  it('records during quiet hours (wrapping midnight) and shows one summary when they end', () => {
    vi.setSystemTime(new Date(2025, 0, 15, 23, 30));
    const { digest, shown } = makeDigest({ quietHours: { start: '22:00', end: '07:00' } });
    digest.push([alertEntry('1:a', { campaignId: '9' })]);
    vi.advanceTimersByTime(60 * 60 * 1000); // 00:30
    digest.push([alertEntry('1:b', { campaignId: '9' }), alertEntry('2:c')]);
    vi.advanceTimersByTime(6 * 60 * 60 * 1000 - 60_000); // 06:29
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(31 * 60_000); // 07:00
    expect(shown).toEqual([
      {
        title: `${HELD_PREFIX}3 watched products changed`,
        body: '2 from campaign 9, 1 from catalog 2',
        route: '#/feed?filter=alerts',
      },
    ]);
  });

  it('moves a burst that is still in its window into the hold when quiet hours begin', () => {
    vi.setSystemTime(new Date(2025, 0, 15, 21, 59, 55));
    const { digest, shown } = makeDigest({ quietHours: { start: '22:00', end: '07:00' } });
    digest.push([alertEntry('1:a', { name: 'A' })]);
    vi.advanceTimersByTime(10_000); // the window closes at 22:00:05, inside quiet hours
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(9 * 60 * 60 * 1000);
    expect(shown.map((text) => text.title)).toEqual(['A']);
  });

  it('holds while paused and shows the summary when the pause expires', () => {
    const until = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const { digest, shown } = makeDigest({ alertsPausedUntil: until });
    digest.push([alertEntry('1:a'), alertEntry('1:b')]);
    vi.advanceTimersByTime(60 * 60 * 1000 - 1);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown.map((text) => text.title)).toEqual([`${HELD_PREFIX}2 watched products changed`]);
  });

  it('shows the summary at once when the pause is lifted early', () => {
    const { digest, shown } = makeDigest({ alertsPausedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    digest.push([alertEntry('1:a'), alertEntry('1:b')]);
    digest.updateSettings({ ...base, alertsPausedUntil: null });
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(2 * 3_600_000);
    expect(shown).toHaveLength(1);
  });

  it('drops what it held when notifications are switched off', () => {
    const { digest, shown } = makeDigest({ alertsPausedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    digest.push([alertEntry('1:a')]);
    digest.updateSettings({ ...base, enabled: false, alertsPausedUntil: null });
    vi.advanceTimersByTime(2 * 3_600_000);
    expect(shown).toHaveLength(0);
  });
});
