import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHttp } from '../../renderer/src/api/client.js';
import { makeEntry, makeProduct, makeQuarantine } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

// What a hostile or broken catalog could send: every field is text to us, never markup or a link to follow.
const NAME = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">';
const hostile = makeProduct({
  catalogItemId: 'EVIL-1',
  name: NAME,
  url: 'javascript:window.__pwned=true',
  imageUrl: 'javascript:window.__pwned=true',
});

declare global {
  interface Window {
    __pwned?: boolean;
  }
}

afterEach(() => {
  delete window.__pwned;
});

describe('payload safety', () => {
  it('renders a hostile name as text in the feed, with no image for a javascript: URL', async () => {
    const client = createFakeClient({ feed: [makeEntry({ product: hostile })] });
    renderApp(client);
    const row = await screen.findByTestId('feed-entry');
    expect(within(row).getByRole('link').textContent).toBe(`${NAME} (unread)`);
    expect(row.textContent).toContain(NAME);
    expect(document.querySelector('script')).toBeNull();
    expect(row.querySelector('img')).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });

  it('never offers to open a javascript: product link', async () => {
    const client = createFakeClient({ feed: [makeEntry({ product: hostile })] });
    renderApp(client, `#/product/${encodeURIComponent(hostile.key)}`);
    expect(await screen.findByRole('heading', { level: 1, name: NAME })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open product' })).toBeNull();
    expect(screen.getByText('The product link is not a web address')).toBeTruthy();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(client.opened).toEqual([]);
  });

  it('the web transport opens only http(s) links', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const client = fromHttp();
    await client.openExternal('javascript:alert(1)');
    await client.openExternal('file:///etc/passwd');
    await client.openExternal('https://example.com/p?id=1');
    expect(open.mock.calls).toEqual([['https://example.com/p?id=1', '_blank', 'noopener']]);
  });

  it('shows quarantined raw bodies as text', async () => {
    const client = createFakeClient();
    client.data.quarantine = [makeQuarantine({ raw: { ...makeQuarantine().raw, body: NAME } })];
    renderApp(client, '#/setup');
    const entry = await screen.findByTestId('quarantine-entry');
    await waitFor(() => expect(entry.querySelector('pre')?.textContent).toBe(NAME));
    expect(entry.querySelector('img')).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });
});
