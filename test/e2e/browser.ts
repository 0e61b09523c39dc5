// Debian's Chromium driven by playwright-core: no browser download (never `npx playwright install`). CI installs the
// package with apt (.ci/run); a machine without it fails loudly instead of skipping the only real-browser check.
import fs from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

export { CHROMIUM_PATH };
export const VIEWPORT = { width: 1280, height: 800 };

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** every request the page tried to make off 127.0.0.1 (all blocked) */
  blocked: string[];
  /** uncaught exceptions in the page */
  pageErrors: string[];
  /** alert/confirm/prompt dialogs: a script from a payload would open one */
  dialogs: string[];
  close(): Promise<void>;
}

export async function openBrowser(profileDir: string): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The e2e tests need it: apt-get install chromium (.ci/run does this).`,
    );
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
  });
  const session: BrowserSession = {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    blocked: [],
    pageErrors: [],
    dialogs: [],
    close: () => context.close(),
  };
  // The app must work with nothing but its own server; a payload's image or link must never be fetched.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    session.blocked.push(url.href);
    return route.abort();
  });
  session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
  session.page.on('dialog', (dialog) => {
    session.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return session;
}
