import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/ApiContext.js';
import { NARROW_QUERY } from '../../renderer/src/lib/useNarrow.js';
import { FEED_ROW_HEIGHT, FEED_ROW_HEIGHT_NARROW, FeedList } from '../../renderer/src/views/feed/FeedList.js';
import { WatchesProvider } from '../../renderer/src/watch/WatchesContext.js';
import { makeFeed } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';

const HUGE = makeFeed(100_000);

function renderList(onNearEnd = () => {}) {
  return render(
    <ApiProvider client={createFakeClient({ feed: [] })}>
      <WatchesProvider>
        <FeedList
          entries={HUGE}
          total={HUGE.length}
          hasMore={false}
          loading={false}
          onNearEnd={onNearEnd}
          onOpen={() => {}}
        />
      </WatchesProvider>
    </ApiProvider>,
  );
}

const articles = () => screen.getAllByRole('article');

describe('virtualized feed', () => {
  it('renders only the rows in view out of 100,000 entries', () => {
    renderList();
    expect(articles().length).toBeGreaterThan(5);
    expect(articles().length).toBeLessThan(40);
    expect(screen.getByRole('feed').style.height).toBe(`${100_000 * FEED_ROW_HEIGHT}px`);
    expect(articles()[0]?.getAttribute('aria-setsize')).toBe('100000');
  });

  it('renders the rows at the scroll position, still only a few', async () => {
    renderList();
    await act(async () => screen.getByTestId('feed-scroller').scrollTo({ top: 50_000 * FEED_ROW_HEIGHT }));
    const positions = articles().map((article) => Number(article.getAttribute('aria-posinset')));
    expect(positions).toContain(50_001);
    expect(positions.length).toBeLessThan(40);
  });

  it('moves between entries with j/k', async () => {
    renderList();
    const user = userEvent.setup();
    const first = articles()[0] as HTMLElement;
    first.focus();
    await user.keyboard('jj');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('3');
    await user.keyboard('k');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
  });

  it("gives rows the compact layout's taller height in a narrow window, and re-lays them when it is resized", async () => {
    // A stand-in for the window's width: the narrow media query matches until the window "widens".
    let narrow = true;
    const listeners = new Set<() => void>();
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({
          get matches() {
            return query === NARROW_QUERY && narrow;
          },
          media: query,
          addEventListener: (_: string, listener: () => void) => listeners.add(listener),
          removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
        }) as unknown as MediaQueryList,
    );
    renderList();
    expect(screen.getByRole('feed').style.height).toBe(`${100_000 * FEED_ROW_HEIGHT_NARROW}px`);
    expect(articles()[0]?.style.height).toBe(`${FEED_ROW_HEIGHT_NARROW}px`);
    narrow = false;
    await act(async () => {
      for (const listener of listeners) listener();
    });
    expect(screen.getByRole('feed').style.height).toBe(`${100_000 * FEED_ROW_HEIGHT}px`);
    expect(articles()[1]?.style.transform).toBe(`translateY(${FEED_ROW_HEIGHT}px)`);
  });
});
