// What a user at a tray-popover width must be able to rely on, measured in the real browser: nothing scrolls
// sideways, and each feed row shows its product name and its change whole.
import type { Page } from 'playwright-core';

// The page's DOM, typed just enough for the functions that run in it (the node project has no DOM library).
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  tagName: string;
  classList: Iterable<string>;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
interface PageWindow {
  innerWidth: number;
  document: { documentElement: PageElement; body: PageElement; querySelector(selector: string): PageElement | null };
  getComputedStyle(element: PageElement): { overflowX: string };
  requestAnimationFrame(callback: () => void): number;
}

export const NARROW_VIEWPORT = { width: 400, height: 800 };
/** the compact layout's range: every view is checked at these widths too */
export const NARROW_WIDTHS = [360, 420] as const;

/** Resizes and waits until the page has re-laid itself out at the new width (React re-renders on the media query). */
export async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForFunction((width) => (globalThis as unknown as PageWindow).innerWidth === width, size.width);
  await page.evaluate(() => {
    const window = globalThis as unknown as PageWindow;
    return new Promise<void>((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done)));
  });
}

/**
 * Everything that scrolls sideways: the page itself, or any scroll box inside it (the view, the feed), as
 * "what: content width > visible width". Empty when nothing does.
 */
export function sidewaysScrolling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const window = globalThis as unknown as PageWindow;
    const found: string[] = [];
    const root = window.document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`page: ${root.scrollWidth} > ${window.innerWidth}`);
    for (const element of window.document.body.querySelectorAll('*')) {
      const { overflowX } = window.getComputedStyle(element);
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth) {
        const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
        found.push(`${name}: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
    return found;
  });
}

export interface FeedRowFit {
  name: string;
  change: string;
  /** the name's and the change's boxes lie inside the viewport's width, and are not empty */
  inside: boolean;
  /** the change text is shown whole (not cut by an ellipsis or the line clamp) */
  changeWhole: boolean;
}

/** Each feed row fully in the feed's visible area, as the user sees it. */
export function visibleFeedRows(page: Page): Promise<FeedRowFit[]> {
  return page.evaluate(() => {
    const window = globalThis as unknown as PageWindow;
    const scroller = window.document.querySelector('[data-testid="feed-scroller"]');
    if (!scroller) return [];
    const view = scroller.getBoundingClientRect();
    const insideWidth = (element: PageElement | null) => {
      const box = element?.getBoundingClientRect();
      return !!box && box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= window.innerWidth;
    };
    return [...scroller.querySelectorAll('[data-testid="feed-entry"]')]
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom;
      })
      .map((row) => {
        const name = row.querySelector('.feed-name');
        const change = row.querySelector('[data-testid="feed-change"]');
        return {
          name: name?.textContent ?? '',
          change: change?.textContent ?? '',
          inside: insideWidth(name) && insideWidth(change),
          changeWhole:
            !!change && change.scrollWidth <= change.clientWidth && change.scrollHeight <= change.clientHeight,
        };
      });
  });
}

/**
 * Rows (matching `rowSelector`) whose parts (`partSelectors`, in each row) do not sit on one line, or reach past the
 * window's right edge: "which row: what wrapped". Empty when every row keeps its parts on its line.
 */
export function brokenRows(page: Page, rowSelector: string, partSelectors: string[]): Promise<string[]> {
  return page.evaluate(
    ([rows, parts]) => {
      const window = globalThis as unknown as PageWindow & {
        document: { querySelectorAll(selector: string): Iterable<PageElement> };
      };
      const found: string[] = [];
      let index = 0;
      for (const row of window.document.querySelectorAll(rows)) {
        index++;
        const boxes = parts.map((part) => row.querySelector(part)?.getBoundingClientRect() ?? null);
        const first = boxes[0];
        for (const [at, box] of boxes.entries()) {
          if (!box || !first) continue;
          const middle = (b: Box) => (b.top + b.bottom) / 2;
          if (Math.abs(middle(box) - middle(first)) > 4) found.push(`row ${index}: ${parts[at]} on another line`);
          if (box.right > window.innerWidth) found.push(`row ${index}: ${parts[at]} past the right edge`);
        }
      }
      return found;
    },
    [rowSelector, partSelectors] as const,
  );
}
