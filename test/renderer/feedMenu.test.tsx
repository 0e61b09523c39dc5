// The feed row's "⋯" menu: the partner's own tracking link, and watching the product's whole brand or catalog.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE_RULES } from '../../renderer/src/watch/defaultRules.js';
import { makeCatalog, makeEntry, makeProduct } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const tent = makeProduct({
  catalogId: '24836',
  catalogItemId: 'TENT-2P',
  campaignId: '4521',
  name: 'Trail Tent 2P',
  url: 'https://acme.pxf.io/c/1/2/4521?prodsku=TENT-2P',
  brandName: 'Acme Outdoor',
  catalogName: 'Tents & Shelters',
});
const linkless = makeProduct({ catalogItemId: 'NOLINK', name: 'No link', url: 'javascript:alert(1)' });

function menuClient() {
  const feed = [makeEntry({ id: 'e2', seq: 2, product: tent }), makeEntry({ id: 'e1', seq: 1, product: linkless })];
  return createFakeClient({ feed, catalogs: [makeCatalog()], watches: [] });
}

describe('feed row menu', () => {
  it('copies the tracking link, and closes on Escape with the focus back on its button', async () => {
    const client = menuClient();
    renderApp(client);
    const user = userEvent.setup();
    const trigger = await screen.findByRole('button', { name: 'More for Trail Tent 2P' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    await user.click(trigger);
    const menu = screen.getByRole('group', { name: 'More for Trail Tent 2P' });
    await user.click(within(menu).getByRole('button', { name: 'Copy tracking link' }));
    expect(client.copied).toEqual(['https://acme.pxf.io/c/1/2/4521?prodsku=TENT-2P']);
    expect(within(menu).getByRole('button', { name: 'Copy tracking link' }).textContent).toBe('Copied');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'More for Trail Tent 2P' })).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('moves through its choices with the arrow keys, without leaving the row', async () => {
    renderApp(menuClient());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More for Trail Tent 2P' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Copy tracking link');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Watch everything from Acme Outdoor');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Copy tracking link');
  });

  it('offers no copy of a link that is not a web address', async () => {
    renderApp(menuClient());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More for No link' }));
    const menu = screen.getByRole('group', { name: 'More for No link' });
    expect(within(menu).queryByRole('button', { name: 'Copy tracking link' })).toBeNull();
    expect(within(menu).getByText('No tracking link received')).toBeTruthy();
  });

  it('watches the brand of a row in two clicks, and then says so', async () => {
    const client = menuClient();
    renderApp(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More for Trail Tent 2P' }));
    const menu = screen.getByRole('group', { name: 'More for Trail Tent 2P' });
    expect(within(menu).getByRole('button', { name: 'Watch everything in Tents & Shelters' })).toBeTruthy();
    await user.click(within(menu).getByRole('button', { name: 'Watch everything from Acme Outdoor' }));
    expect(client.callsOf('createWatch')).toEqual([{ target: { campaignId: '4521' }, rules: DEFAULT_SCOPE_RULES }]);
    await waitFor(() =>
      expect(within(menu).getByRole('status').textContent).toBe(
        'Watching everything from Acme Outdoor: Price drops ≥ 20% · Back in stock',
      ),
    );
  });
});
