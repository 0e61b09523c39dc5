// Chromium driven by playwright-core: Debian's (CI installs it with apt, .ci/run) or one Playwright downloaded.
// Without either, a local run skips the e2e tests and says how to get a browser; in CI (CI set) a missing browser
// fails the run, so the only real-browser check can never be skipped silently there.
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_HELP, e2ePlan, findChromium } from '../../scripts/chromium.js';

export const VIEWPORT = { width: 1280, height: 800 };

const plan = e2ePlan(findChromium(), process.env);
if ('failure' in plan) throw new Error(plan.failure);
/** The browser to drive, or null: the e2e suite is then skipped, with SKIP_REASON in its name and on stderr. */
export const CHROMIUM = plan.run ? plan.browser : null;
export const SKIP_REASON = 'skipReason' in plan ? ` (skipped: ${plan.skipReason})` : '';
if (SKIP_REASON) process.stderr.write(`\nEnd-to-end tests skipped. ${CHROMIUM_HELP}\n\n`);

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** every request the page tried to make off 127.0.0.1 (all blocked) */
  blocked: string[];
  /** every URL the pages requested, without its #fragment (which never leaves the browser) */
  requested: string[];
  /** uncaught exceptions in the page */
  pageErrors: string[];
  /** what the page's console reported as errors (a resource that failed to load, a React warning turned error) */
  consoleErrors: string[];
  /** alert/confirm/prompt dialogs: a script from a payload would open one */
  dialogs: string[];
  close(): Promise<void>;
}

/** `extraArgs`: e.g. the hub's --ignore-certificate-errors-spki-list, so its self-signed certificate is trusted. */
/** How long a step waits for the live UI (an SSE event, a server child's answer) on a loaded shared machine. */
export const LIVE_MS = 20_000;

export async function openBrowser(profileDir: string, extraArgs: string[] = []): Promise<BrowserSession> {
  if (!CHROMIUM) throw new Error(CHROMIUM_HELP);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  context.setDefaultTimeout(LIVE_MS); // every page of it, the first and any opened later
  const session: BrowserSession = {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    blocked: [],
    requested: [],
    pageErrors: [],
    consoleErrors: [],
    dialogs: [],
    close: () => context.close(),
  };
  // The app must work with nothing but its own server; a payload's image or link must never be fetched.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    url.hash = '';
    session.requested.push(url.href);
    if (url.hostname === '127.0.0.1') return route.continue();
    session.blocked.push(url.href);
    return route.abort();
  });
  session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
  session.page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  session.page.on('dialog', (dialog) => {
    session.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return session;
}
