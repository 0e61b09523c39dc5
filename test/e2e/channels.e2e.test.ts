// Issue 17 in Chromium: the built UI against the real server face. A partner adds a webhook channel in Settings →
// Channels by pasting its URL, keeps the signing secret shown once, presses Test, and sees it delivered — and the
// local endpoint received a request whose Standard Webhooks signature verifies with that secret. A Slack channel
// (its origin moved to a local fake with SHELFWATCH_SLACK_BASE) sits beside it for the screenshots.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTarget, startFakeTarget } from '../fakes/channel-target.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { type BrowserSession, CHROMIUM, openBrowser, SKIP_REASON } from './browser.js';
import { ensureBuilt } from './build.js';
import { publishScreenshots } from './screenshots.js';
import { type ServeChild, startServeChild } from './serve-child.js';
import { shootView } from './shoot.js';

const SECRET = 'e2e-channels-secret-0123456789';
const TOKEN = 'e2e-channels-token-0123456789';

describe.skipIf(!CHROMIUM)(`Settings → Channels in Chromium${SKIP_REASON}`, () => {
  const temp = makeTempDir('shelfwatch-e2e-channels-');
  let webhook: FakeTarget;
  let slack: FakeTarget;
  let server: ServeChild | undefined;
  let browser: BrowserSession | undefined;
  let page: Page;

  const text = (locator: Locator) => locator.textContent().then((value) => value?.trim() ?? null);
  const channels = () => page.getByRole('group', { name: 'Channels' });
  const row = (name: string) => channels().getByTestId('channel-row').filter({ hasText: name });

  beforeAll(async () => {
    ensureBuilt();
    webhook = await startFakeTarget('webhook');
    slack = await startFakeTarget('slack');
    server = await startServeChild({
      dataDir: path.join(temp.dir, 'data'),
      secret: SECRET,
      uiToken: TOKEN,
      env: { SHELFWATCH_SLACK_BASE: slack.origin },
    });
    browser = await openBrowser(path.join(temp.dir, 'profile'));
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await webhook?.close();
    await slack?.close();
    temp.remove();
    publishScreenshots(['channels']);
  });

  async function addChannel(url: string, name: string, gather: string): Promise<void> {
    await channels().getByRole('textbox', { name: 'Channel URL' }).fill(url);
    const form = channels().getByRole('form', { name: 'Add a channel' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('combobox', { name: 'Messages' }).selectOption({ label: gather });
    await form.getByRole('button', { name: 'Add channel' }).click();
    await row(name).waitFor();
  }

  it('adds a webhook channel by its URL, Test delivers a signed message, and the page says so', async () => {
    await page.goto(server?.uiUrl ?? '');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await channels().getByText('No channels yet.').waitFor();
    const hookUrl = `json://${webhook.origin.slice('http://'.length)}/hooks/shelfwatch`;
    await addChannel(hookUrl, 'Ops webhook', 'Each alert at once');
    const secretCard = page.getByTestId('signing-secret');
    const signingSecret = (await text(secretCard.locator('code').last())) ?? '';
    expect(signingSecret).toMatch(/^whsec_/);
    await secretCard.getByRole('button', { name: 'I have kept it' }).click();

    await row('Ops webhook').getByRole('button', { name: 'Test' }).click();
    expect(await text(row('Ops webhook').getByRole('status'))).toBe('Test message delivered.');
    const [request] = webhook.accepted;
    const headers = {
      'webhook-id': String(request?.headers['webhook-id']),
      'webhook-timestamp': String(request?.headers['webhook-timestamp']),
      'webhook-signature': String(request?.headers['webhook-signature']),
    };
    expect(new Webhook(signingSecret).verify(request?.body ?? '', headers)).toMatchObject({ type: 'channel.test' });
    await expect.poll(() => text(row('Ops webhook').getByTestId('channel-status'))).toMatch(/^Last sent /);
    expect(await page.content()).not.toContain(signingSecret); // shown once: gone from the page
  });

  it('shows each channel’s status at 1280 and 400 px, a failed Test in the target’s words', async () => {
    await addChannel(
      'slack://T0123ABCD/B0456EFGH/x0YzAbCdEfGhIjKlMnOpQrSt',
      'Deals in #marketing',
      'Gather for 1 hour',
    );
    slack.answerNext({ status: 404, body: 'no_service' });
    await row('Deals in #marketing').getByRole('button', { name: 'Test' }).click();
    expect(await text(row('Deals in #marketing').getByRole('alert'))).toBe(
      'The test message was not delivered. Slack answered 404 (no_service): the address does not exist (removed, or mistyped).',
    );
    expect(await text(row('Deals in #marketing'))).toContain('slack://••••/••••/••••');
    expect(await page.content()).not.toContain('x0YzAbCdEfGhIjKlMnOpQrSt');
    await channels().scrollIntoViewIfNeeded();
    await shootView(page, 'channels', () => channels().scrollIntoViewIfNeeded());
    expect(browser?.blocked).toEqual([]);
    expect(browser?.pageErrors).toEqual([]);
  });
});
