// Screenshots of each view at two widths (a desktop window and a tray popover): every run writes
// test-artifacts/screenshots/ (gitignored, kept by CI for a look); the committed copies in docs/screenshots/ (shown in
// the README) change only when someone asks for it with UPDATE_DOCS_SCREENSHOTS=1, so ordinary runs do not churn
// binary files in git.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts/screenshots');
const DOCS_DIR = path.join(ROOT, 'docs/screenshots');

export type View =
  | 'setup'
  | 'feed'
  | 'product'
  | 'watchlist'
  | 'settings'
  | 'devices'
  | 'hub-unreachable'
  | 'account'
  | 'search'
  | 'channels'
  | 'pages';
/** 'wide' is the desktop window (feed.png), 'narrow' the tray-popover width (feed-400.png) */
export type Width = 'wide' | 'narrow';

export const fileName = (view: View, width: Width): string => (width === 'wide' ? `${view}.png` : `${view}-400.png`);

export async function screenshot(page: Page, view: View, width: Width): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, fileName(view, width));
  // The caret and the relative-time ticks are the only things that move; hide the caret so re-runs look alike.
  await page.screenshot({ path: file, caret: 'hide', animations: 'disabled' });
  return file;
}

/** Copies the whole set, and only a complete set, so the README never shows views from two different runs. */
export function publishScreenshots(views: readonly View[]): boolean {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return false;
  const files = views.flatMap((view) =>
    (['wide', 'narrow'] as const).map((width) => path.join(SCREENSHOT_DIR, fileName(view, width))),
  );
  if (!files.every((file) => fs.existsSync(file))) return false;
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  for (const file of files) fs.copyFileSync(file, path.join(DOCS_DIR, path.basename(file)));
  return true;
}
