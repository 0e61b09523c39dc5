// A view seen at the desktop width and across the compact range: nothing may scroll sideways at any of them, axe-core
// finds no serious or critical accessibility problem at either width, and each width's screenshot is saved
// (test-artifacts/screenshots/, and docs/screenshots/ when asked for).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.js';
import { VIEWPORT } from './browser.js';
import { NARROW_VIEWPORT, NARROW_WIDTHS, resize, sidewaysScrolling } from './layout.js';
import { screenshot, type View } from './screenshots.js';

/** `atNarrow`: more checks of the view at the narrow width, before its screenshot. */
export async function shootView(page: Page, view: View, atNarrow?: () => Promise<void>): Promise<void> {
  expect(await sidewaysScrolling(page), `${view} at ${VIEWPORT.width} px`).toEqual([]);
  expect(await seriousViolations(page), `axe: ${view} at ${VIEWPORT.width} px`).toEqual([]);
  await screenshot(page, view, 'wide');
  for (const width of NARROW_WIDTHS) {
    await resize(page, { ...NARROW_VIEWPORT, width });
    expect(await sidewaysScrolling(page), `${view} at ${width} px`).toEqual([]);
  }
  await resize(page, NARROW_VIEWPORT);
  expect(await sidewaysScrolling(page), `${view} at ${NARROW_VIEWPORT.width} px`).toEqual([]);
  await atNarrow?.();
  expect(await seriousViolations(page), `axe: ${view} at ${NARROW_VIEWPORT.width} px`).toEqual([]);
  await screenshot(page, view, 'narrow');
  await resize(page, VIEWPORT);
}
