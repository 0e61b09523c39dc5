// Issue 11 in a real Chromium: the built server face as a hub with its remote listener (TLS, its generated
// certificate trusted by its key's fingerprint). On the hub's own UI, Settings → Devices adds a device; its browser
// link, opened in another tab, pairs that tab as a device of the hub over the remote listener; the device's feed shows
// changes posted to the hub's receiver live; then the hub stops and the device says "Hub unreachable since …". Issue
// 20: the device is listed under the name typed on the hub, is shown none of the hub's own forms, and once revoked
// says so and offers to pair again.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spkiFingerprintOf } from '../../main/engine/hub/certificate.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { freePorts, HUB_SECRET, type HubPorts, startHub } from '../hub/hub-child.js';
import { seriousViolations } from './axe.js';
import { type BrowserSession, CHROMIUM, LIVE_MS, openBrowser, SKIP_REASON, VIEWPORT } from './browser.js';
import { NARROW_VIEWPORT, resize, sidewaysScrolling } from './layout.js';
import { item, send } from './postbacks.js';
import { publishScreenshots, screenshot, type View } from './screenshots.js';
import type { ServeChild } from './serve-child.js';

describe.skipIf(!CHROMIUM)(`a browser following a hub, in Chromium${SKIP_REASON}`, () => {
  const temp = makeTempDir('shelfwatch-e2e-hub-');
  const dataDir = path.join(temp.dir, 'hub');
  let ports: HubPorts;
  let hub: ServeChild | undefined;
  let browser: BrowserSession | undefined;
  let admin: Page;
  let device: Page;
  const deviceErrors: string[] = [];

  const postbackUrl = () => `http://127.0.0.1:${ports.receiver}/postback/${HUB_SECRET}`;
  const text = (locator: Locator) => locator.textContent().then((value) => value?.trim() ?? null);
  /** The view at the desktop width and at 400 px, with `target` in view, nothing scrolling sideways, axe content. */
  const check = async (page: Page, view: string, target: Locator, shot?: View) => {
    for (const [size, width] of [
      [VIEWPORT, 'wide'],
      [NARROW_VIEWPORT, 'narrow'],
    ] as const) {
      await resize(page, size);
      await target.scrollIntoViewIfNeeded();
      expect(await sidewaysScrolling(page), `${view} at ${size.width} px`).toEqual([]);
      expect(await seriousViolations(page), `axe: ${view} at ${size.width} px`).toEqual([]);
      if (shot) await screenshot(page, shot, width);
    }
    await resize(page, VIEWPORT);
  };
  const shoot = (page: Page, view: View, target: Locator) => check(page, view, target, view);

  beforeAll(async () => {
    ports = await freePorts();
    hub = await startHub(dataDir, ports);
    const certificate = fs.readFileSync(path.join(dataDir, 'tls', 'cert.pem'), 'utf8');
    browser = await openBrowser(path.join(temp.dir, 'profile'), [
      `--ignore-certificate-errors-spki-list=${spkiFingerprintOf(certificate)}`,
    ]);
    admin = browser.page;
    device = await browser.context.newPage();
    device.on('pageerror', (error) => deviceErrors.push(error.message));
    await send(postbackUrl(), item('HUB-1', { Name: 'Trail shoes', CurrentPrice: '89.00' }, 'Insert'));
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await hub?.stop();
    temp.remove();
    publishScreenshots(['devices', 'hub-unreachable']);
  });

  it('1. the hub’s own UI adds a device and shows its pairing link, code and browser link', async () => {
    expect(hub?.remoteUrl).toBe(`https://127.0.0.1:${ports.remote}`);
    await admin.goto(hub?.uiUrl ?? '');
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    await admin.goto(`${new URL(hub?.uiUrl ?? '').origin}/#/settings`);
    const devices = admin.getByTestId('devices');
    await devices.getByRole('textbox', { name: 'Device name' }).fill('Phone');
    await devices.getByRole('button', { name: 'Add a device' }).click();
    const card = devices.getByTestId('pairing-card');
    expect(await text(card.getByTestId('pairing-link'))).toMatch(
      new RegExp(
        `^shelfwatch://pair\\?hub=https%3A%2F%2F127\\.0\\.0\\.1%3A${ports.remote}&code=[2-9A-Z-]{14}&fp=[0-9a-f]{64}$`,
      ),
    );
    const code = await text(card.getByTestId('pairing-code'));
    expect(await text(card.getByTestId('browser-link'))).toBe(`https://127.0.0.1:${ports.remote}/#pair=${code}`);
  });

  it('2. the browser link pairs another tab as a device, which lands on the hub’s feed', async () => {
    const link = (await text(admin.getByTestId('browser-link'))) ?? '';
    await device.goto(link);
    await device.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();
    expect(device.url()).not.toContain('#pair=');
    await device.getByTestId('feed-entry').filter({ hasText: 'Trail shoes' }).waitFor();
    // the hub's own UI sees it paired (it looks every few seconds), under the name typed for it there
    await admin.getByTestId('device-paired').waitFor();
    expect(await text(admin.getByTestId('device-paired'))).toBe('✓ Phone is paired.');
    const row = admin.getByTestId('device-row').filter({ hasText: 'Phone' });
    expect(await text(row)).toMatch(/Paired just now · Last seen just now from 127\.0\.0\.1/);
  });

  it('3. the device’s feed shows changes posted to the hub live, and its settings leave out the hub’s own', async () => {
    await send(postbackUrl(), item('HUB-2', { Name: 'Rain jacket', CurrentPrice: '120.00' }, 'Insert'));
    await send(postbackUrl(), item('HUB-1', { CurrentPrice: '74.50' }));
    await device.getByTestId('feed-entry').filter({ hasText: 'Rain jacket' }).waitFor();
    const drop = device.getByTestId('feed-entry').filter({ hasText: 'Trail shoes' }).getByTestId('feed-change');
    await expect.poll(() => drop.allTextContents(), { timeout: LIVE_MS }).toContain('$89.00 → $74.50 (−16.3%)');
    await device.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await device.getByRole('checkbox', { name: 'Play a sound' }).waitFor();
    // none of the hub's own forms: it is told where they are managed
    const hubOnly = async () => ({
      devices: await device.getByTestId('devices').count(),
      secret: await device.getByRole('button', { name: 'Regenerate secret' }).count(),
      account: await device.getByTestId('impact-account').count(),
      retention: await device.getByRole('spinbutton', { name: 'Feed entries' }).count(),
      postbackUrl: await device.getByTestId('postback-url').count(),
      templates: await device.getByTestId('template-get').count(),
    });
    const none = { devices: 0, secret: 0, account: 0, retention: 0, postbackUrl: 0, templates: 0 };
    expect(await hubOnly()).toEqual(none);
    await device.getByTestId('managed-on-hub').waitFor();
    await device.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).click();
    await device.getByRole('heading', { level: 1, name: 'Setup' }).waitFor();
    expect(await text(device.getByTestId('managed-on-hub'))).toContain('shown in Setup on the hub');
    expect(await hubOnly()).toEqual(none);
    await check(device, 'a device’s Setup', device.getByTestId('managed-on-hub'));
    await device.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await check(device, 'a device’s Settings', device.getByTestId('managed-on-hub'));
    // the device's long-lived token never travels in a URL (proxies log URLs): its live events use tickets
    const token = await device.evaluate(() => localStorage.getItem('shelfwatch.deviceToken'));
    expect(token).toBeTruthy();
    expect(browser?.requested.filter((url) => url.includes(token ?? '-'))).toEqual([]);
    await device.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Feed/ }).click();
  });

  it('4. Settings → Devices on the hub: the paired device, and a new one waiting for its code', async () => {
    const devices = admin.getByTestId('devices');
    await devices.getByRole('textbox', { name: 'Device name' }).fill('Work laptop');
    await devices.getByRole('button', { name: 'Add a device' }).click();
    await devices.getByTestId('pairing-card').waitFor();
    await shoot(admin, 'devices', devices);
  });

  it('5. the hub stops: the device says since when it is unreachable, keeps the feed, and retries', async () => {
    await hub?.stop();
    const line = device.getByTestId('connection-line');
    await expect
      .poll(() => text(line), { timeout: LIVE_MS })
      .toMatch(/^Hub unreachable since \d{1,2}:\d{2}( [AP]M)? — retrying$/);
    expect(await device.getByTestId('feed-entry').count()).toBeGreaterThanOrEqual(3);
    await shoot(device, 'hub-unreachable', line);
  });

  it('6. the hub is back and revokes the device: it says its access was revoked and offers to pair again', async () => {
    hub = await startHub(dataDir, ports);
    await expect.poll(() => device.getByTestId('connection-line').count(), { timeout: LIVE_MS }).toBe(0);
    await admin.reload();
    const row = admin.getByTestId('device-row').filter({ hasText: 'Phone' });
    await row.getByRole('button', { name: 'Revoke Phone' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => row.count(), { timeout: LIVE_MS }).toBe(0);
    await device.getByRole('heading', { level: 1, name: 'This browser’s access to the hub was revoked' }).waitFor();
    await device.getByRole('button', { name: 'Pair again' }).waitFor();
    expect(await device.getByText(/unreachable|retrying/).count()).toBe(0);
    await check(device, 'revoked', device.getByRole('button', { name: 'Pair again' }));
    expect(browser?.blocked).toEqual([]);
    expect([...(browser?.pageErrors ?? []), ...deviceErrors]).toEqual([]);
  });
});
