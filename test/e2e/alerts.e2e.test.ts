// Issue 20, end to end: the browser face alerts like the desktop. Chromium with notifications granted against the
// real server face; the page's Notification is a shim that records each `new Notification(...)` (a headless browser
// shows none). A watched product's alert becomes a notification naming it, the tab's title carries the unread
// count, quiet hours hold an alert until they end, and six flips inside the digest window are one notification.
// The steps share one tab and one server and run in order.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { type BrowserSession, CHROMIUM, LIVE_MS, openBrowser, SKIP_REASON } from './browser.js';
import { ensureBuilt } from './build.js';
import { CATALOG, item, send } from './postbacks.js';
import { type ServeChild, startServeChild } from './serve-child.js';

const SECRET = 'e2e-alerts-secret-0123456789';
const TOKEN = 'e2e-alerts-token-0123456789';
/** long enough that six postbacks sent back to back land in one window on a loaded machine */
const DIGEST_SECONDS = 5;

interface Recorded {
  title: string;
  body: string;
}

/** Runs in the page before the app: a Notification that records what it is asked to show and can be clicked. */
function recordNotifications(): void {
  const shown: Array<{ title: string; body: string; onclick: (() => void) | null }> = [];
  // the node project has no DOM types: just what is used of the page's Notification
  const real = (globalThis as unknown as { Notification: { permission: string; requestPermission(): Promise<string> } })
    .Notification;
  class RecordingNotification {
    static get permission() {
      return real.permission;
    }
    static requestPermission() {
      return real.requestPermission();
    }
    onclick: (() => void) | null = null;
    onclose: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(title: string, options: { body?: string } = {}) {
      shown.push(Object.assign(this, { title, body: options.body ?? '' }) as never);
    }
    close() {}
  }
  Object.assign(globalThis, { Notification: RecordingNotification, __notifications: shown });
}

describe.skipIf(!CHROMIUM)(`alerts in the browser, in Chromium${SKIP_REASON}`, () => {
  const temp = makeTempDir('shelfwatch-e2e-alerts-');
  let server: ServeChild | undefined;
  let browser: BrowserSession | undefined;
  let page: Page;

  const origin = () => new URL(server?.uiUrl ?? '').origin;
  const postbackUrl = () => server?.postbackUrl ?? '';
  const uiApi = async (method: string, route: string, body: unknown) => {
    const answer = await request(`${origin()}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (answer.status >= 300) throw new Error(`${method} ${route} answered ${answer.status}: ${answer.body}`);
  };
  const notifications = () =>
    page.evaluate(() =>
      (globalThis as unknown as { __notifications: Recorded[] }).__notifications.map(({ title, body }) => ({
        title,
        body,
      })),
    );
  const waitForNotifications = async (count: number) => {
    await expect.poll(async () => (await notifications()).length, { timeout: LIVE_MS }).toBe(count);
    return notifications();
  };
  const hhmm = (at: number) => {
    const date = new Date(at);
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    ensureBuilt();
    server = await startServeChild({ dataDir: path.join(temp.dir, 'data'), secret: SECRET, uiToken: TOKEN });
    await send(
      postbackUrl(),
      item('TENT-2P', { Name: 'Trail Tent 2P', CurrentPrice: '249.00', StockAvailability: 'InStock' }, 'Insert'),
    );
    await uiApi('POST', '/api/watches', {
      target: { catalogId: CATALOG, catalogItemId: 'TENT-2P' },
      rules: [{ kind: 'price-change' }, { kind: 'back-in-stock' }, { kind: 'out-of-stock' }],
    });
    await uiApi('PATCH', '/api/settings', { notifications: { digestWindowSeconds: DIGEST_SECONDS } });
    browser = await openBrowser(path.join(temp.dir, 'profile'));
    await browser.context.grantPermissions(['notifications'], { origin: origin() });
    await browser.context.addInitScript(recordNotifications);
    page = browser.page;
    await page.goto(server.uiUrl);
    await page.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    temp.remove();
  });

  it('1. an alert postback makes a notification naming the product; a click opens it', async () => {
    await send(postbackUrl(), item('TENT-2P', { CurrentPrice: '199.00' }));
    const [shown] = await waitForNotifications(1);
    expect(shown).toEqual({ title: 'Trail Tent 2P', body: 'Trail Tent 2P: $249.00 → $199.00 (−20.1%)' });
    await page.evaluate(() =>
      (globalThis as unknown as { __notifications: Array<{ onclick: () => void }> }).__notifications[0]?.onclick(),
    );
    await page.getByRole('heading', { level: 1, name: 'Trail Tent 2P' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/product/${encodeURIComponent(`${CATALOG}:TENT-2P`)}`);
  });

  it('2. the tab’s title carries the unread count', async () => {
    const unread = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Feed \d+ unread$/ });
    const count = Number(await unread.getByTestId('nav-unread').textContent());
    expect(count).toBeGreaterThan(0);
    expect(await page.title()).toBe(`(${count}) Shelfwatch`);
  });

  it('3. six flips inside the digest window make one notification of their net effect', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Feed/ }).click();
    for (const stock of ['OutOfStock', 'InStock', 'OutOfStock', 'InStock', 'OutOfStock', 'InStock']) {
      await send(postbackUrl(), item('TENT-2P', { StockAvailability: stock }));
    }
    const shown = await waitForNotifications(2);
    expect(shown[1]).toEqual({ title: 'Trail Tent 2P', body: 'Flapped 6 times, now in stock' });
    // the feed still records every change
    await expect
      .poll(() => page.getByTestId('feed-entry').filter({ hasText: 'Trail Tent 2P' }).count(), { timeout: LIVE_MS })
      .toBe(8);
  });

  it('4. quiet hours hold an alert, which shows once they are switched off', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    expect(await page.getByTestId('notification-permission').textContent()).toContain(
      'shows Shelfwatch’s notifications',
    );
    await page.getByRole('checkbox', { name: 'Quiet hours' }).check();
    await page.getByLabel('Quiet from').fill(hhmm(Date.now() - 3_600_000));
    await page.getByLabel('Quiet until').fill(hhmm(Date.now() + 3_600_000));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();

    await send(postbackUrl(), item('TENT-2P', { CurrentPrice: '189.00' }));
    // the alert reached the page (the status line counts it) while quiet hours hold its notification
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Feed/ }).click();
    await page.getByTestId('feed-change').filter({ hasText: '$199.00 → $189.00' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Quiet hours' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    const shown = await waitForNotifications(3);
    expect(shown[2]).toEqual({
      title: 'Trail Tent 2P',
      body: 'While alerts were off: Trail Tent 2P: $199.00 → $189.00 (−5%)',
    });
    expect(browser?.pageErrors).toEqual([]);
  });
});
