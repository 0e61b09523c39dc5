// First render of the feed view in Chromium: navigation start → the first feed row in the DOM and visible.
// The row is found by FeedRow's data-testid="feed-entry" (renderer/src/views/feed/FeedRow.tsx). A MutationObserver
// installed before any page script stamps performance.now() (ms since navigation start) the moment a row appears,
// so the figure does not include Playwright's polling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { BENCH_TOKEN } from '../servers/protocol.js';

export const CHROMIUM = CHROMIUM_PATH;
export const FEED_ROW_SELECTOR = '[data-testid="feed-entry"]';

export interface FirstRenderFigures {
  selector: string;
  /** fresh browser profile: nothing cached */
  coldMs: number;
  /** median of a few reloads with the bundle cached */
  warmMs: number;
}

const STAMP_SCRIPT = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('${FEED_ROW_SELECTOR}')) {
      window.__firstFeedRowMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function measureFirstRender(uiPort: number, reloads = 3): Promise<FirstRenderFigures> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfwatch-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(STAMP_SCRIPT);
    const url = `http://127.0.0.1:${uiPort}/#token=${BENCH_TOKEN}`;
    const load = async () => {
      await page.goto(url);
      await page.locator(FEED_ROW_SELECTOR).first().waitFor({ state: 'visible', timeout: 30_000 });
      return page.evaluate(() => (globalThis as unknown as { __firstFeedRowMs: number }).__firstFeedRowMs);
    };
    const coldMs = await load();
    const warm: number[] = [];
    for (let i = 0; i < reloads; i++) {
      await page.goto('about:blank');
      warm.push(await load());
    }
    warm.sort((a, b) => a - b);
    return { selector: FEED_ROW_SELECTOR, coldMs, warmMs: warm[Math.floor(warm.length / 2)] ?? coldMs };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Why the figure cannot be measured here, or null when it can. */
export function firstRenderUnavailable(rendererDir: string): string | null {
  if (!fs.existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return `the renderer is not built (${rendererDir})`;
  return null;
}
