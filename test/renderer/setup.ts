// jsdom lacks layout: give the virtualized feed a viewport, and stub the browser APIs the UI touches.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  window.location.hash = '';
  vi.restoreAllMocks();
});

Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: ResizeObserverStub });

// The feed's scroll box is 600px tall in these tests; everything else keeps jsdom's 0.
export const FEED_VIEWPORT_HEIGHT = 600;
const isScroller = (element: Element) => element instanceof HTMLElement && 'virtualScroller' in element.dataset;
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? FEED_VIEWPORT_HEIGHT : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? 800 : 0;
  },
});
// jsdom has no scrolling: scrollTo just records the offset and tells listeners.
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
  const top = typeof options === 'number' ? options : (options?.top ?? 0);
  this.scrollTop = top;
  this.dispatchEvent(new Event('scroll'));
} as Element['scrollTo'];
