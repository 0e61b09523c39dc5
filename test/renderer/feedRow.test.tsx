// Issue 20: one feed row can be marked read or unread again from its menu, and the whole row opens its product (not
// just its name), by click or by Enter; the row's own buttons keep doing their own thing.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFeed } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const row = async (name: string) =>
  (await screen.findAllByTestId('feed-entry')).find((element) => element.textContent?.includes(name)) as HTMLElement;

describe('a feed row', () => {
  it('marks itself unread, then read again, from its menu', async () => {
    const feed = makeFeed(3).map((entry) => ({ ...entry, read: entry.id !== 'e1' }));
    const client = createFakeClient({ feed });
    renderApp(client);
    const user = userEvent.setup();
    const second = await row('Product 2');
    expect(second.className).toContain(' read');
    await user.click(within(second).getByRole('button', { name: 'More for Product 2' }));
    await user.click(within(second).getByRole('button', { name: 'Mark as unread' }));
    await waitFor(() => expect(second.className).toContain('unread'));
    expect(client.callsOf('markRead')).toEqual([{ ids: ['e2'], unread: true }]);
    await user.click(within(second).getByRole('button', { name: 'More for Product 2' }));
    await user.click(within(second).getByRole('button', { name: 'Mark as read' }));
    await waitFor(() => expect(second.className).toContain(' read'));
    expect(client.callsOf('markRead').at(-1)).toEqual({ ids: ['e2'] });
  });

  it('opens the product from anywhere on the row, and from Enter on it', async () => {
    const client = createFakeClient({ feed: makeFeed(2) });
    renderApp(client);
    const user = userEvent.setup();
    await user.click(within(await row('Product 2')).getByTestId('feed-change'));
    await waitFor(() => expect(window.location.hash).toBe('#/product/7001%3ASKU-2'));
    expect(client.callsOf('markRead')).toEqual([{ ids: ['e2'] }]);

    window.location.hash = '#/feed';
    const article = (await row('Product 1')).closest('article') as HTMLElement;
    fireEvent.keyDown(article, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/product/7001%3ASKU-1'));
  });

  it('leaves its buttons to themselves', async () => {
    renderApp(createFakeClient({ feed: makeFeed(1) }));
    const user = userEvent.setup();
    await user.click(within(await row('Product 1')).getByRole('button', { name: 'More for Product 1' }));
    expect(window.location.hash).toBe('#/feed');
    await screen.findByRole('button', { name: 'Mark as read' });
  });
});
