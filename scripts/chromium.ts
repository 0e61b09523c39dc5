// How Chromium is found and launched for the e2e test and the bench: one place for the path, the flags and the help.
// Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What to do without a browser, in one paragraph. */
export const CHROMIUM_HELP =
  `Chromium was not found (neither at ${CHROMIUM_PATH} nor in Playwright's browser folder). ` +
  "The end-to-end tests drive a real Chromium: install Debian's with `sudo apt-get install chromium`, " +
  'or let Playwright download its own with `npx playwright-core install chromium`.';

/** Debian's Chromium, else a browser Playwright downloaded, else null. */
export function findChromium(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  try {
    const downloaded = chromium.executablePath();
    return downloaded && fs.existsSync(downloaded) ? downloaded : null;
  } catch {
    return null;
  }
}

export type E2ePlan =
  | { run: true; browser: string }
  | { run: false; skipReason: string }
  | { run: false; failure: string };

/** With a browser, run; without one, skip and say how to get one, except in CI (CI set), where it is a failure. */
export function e2ePlan(browser: string | null, env: NodeJS.ProcessEnv): E2ePlan {
  if (browser) return { run: true, browser };
  if (env.CI) return { run: false, failure: `CI must run the end-to-end tests. ${CHROMIUM_HELP}` };
  return { run: false, skipReason: CHROMIUM_HELP };
}
