import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notifier } from '../../main/desktop/notifier.js';
import type { Settings } from '../../shared/contract/settings.js';
import type { Status } from '../../shared/contract/status.js';
import { alertEntry, settingsWith } from '../fakes/alert-entries.js';
import { FakeNotification } from './fake-notification.js';

function makeNotifier(settings: Settings = settingsWith({ digestWindowSeconds: 0 })) {
  const clicks: string[] = [];
  const notifier = new Notifier({
    createNotification: (request) => new FakeNotification(request),
    isSupported: () => true,
    onClick: (route) => clicks.push(route),
    settings,
  });
  return { notifier, clicks };
}

const status = (alertsPausedUntil: string | null): Status => ({
  receiver: {
    url: 'http://127.0.0.1:8787/postback/s',
    port: 8787,
    lastPostbackAt: null,
    received: 0,
    duplicates: 0,
    quarantined: 0,
    testPostbackAt: null,
    fault: null,
  },
  journal: { appliedSeq: 0 },
  unread: 0,
  alertsPausedUntil,
  notices: [],
});

beforeEach(() => {
  FakeNotification.created = [];
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2025, 0, 15, 12, 0));
});
afterEach(() => vi.useRealTimers());

describe('Notifier', () => {
  it('shows one native notification per alert event with title, body and sound setting', () => {
    const { notifier } = makeNotifier(settingsWith({ digestWindowSeconds: 0, sound: false }));
    notifier.handleEvent({
      type: 'alert',
      entries: [alertEntry('5:abc', { name: 'Desk Lamp', message: 'Back in stock' })],
    });
    expect(FakeNotification.created.map((n) => [n.request, n.shown])).toEqual([
      [{ title: 'Desk Lamp', body: 'Back in stock', silent: true }, true],
    ]);
  });

  it('routes a click to the product and a digest click to the alerts feed', () => {
    const { notifier, clicks } = makeNotifier();
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('5:a b')] });
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('5:x'), alertEntry('5:y')] });
    for (const notification of FakeNotification.created) notification.emit('click');
    expect(clicks).toEqual(['#/product/5%3Aa%20b', '#/feed?filter=alerts']);
  });

  it('keeps each notification referenced until it is closed or clicked', () => {
    const { notifier } = makeNotifier();
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('1:a')] });
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('1:b')] });
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('1:c')] });
    const [first, second, third] = FakeNotification.created;
    expect(notifier.live.size).toBe(3);
    first?.emit('close');
    second?.emit('click');
    expect([...notifier.live]).toEqual([third]);
    third?.emit('failed');
    expect(notifier.live.size).toBe(0);
  });

  it('shows nothing where the OS has no notifications', () => {
    const notifier = new Notifier({
      createNotification: (request) => new FakeNotification(request),
      isSupported: () => false,
      onClick: () => {},
      settings: settingsWith({ digestWindowSeconds: 0 }),
    });
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('1:a')] });
    expect(FakeNotification.created).toHaveLength(0);
  });

  it('follows a pause announced in a status event and shows a summary when it is lifted', () => {
    const { notifier } = makeNotifier();
    notifier.handleEvent({ type: 'status', status: status(new Date(Date.now() + 3_600_000).toISOString()) });
    notifier.handleEvent({ type: 'alert', entries: [alertEntry('1:a'), alertEntry('1:b')] });
    expect(FakeNotification.created).toHaveLength(0);
    notifier.handleEvent({ type: 'status', status: status(null) });
    expect(FakeNotification.created.map((n) => n.request.title)).toEqual([
      'While alerts were off: 2 watched products changed',
    ]);
  });
});
