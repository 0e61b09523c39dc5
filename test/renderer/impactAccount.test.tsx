// Settings → impact.com account: connect with the Account SID and Auth Token, the plain answer, disconnect.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import { makeCatalog, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const catalogs = [
  makeCatalog(),
  makeCatalog({ id: '24837', name: 'Stoves' }),
  makeCatalog({ id: '9001', name: 'Bikes', advertiserName: 'Velo Co', campaignId: '77' }),
];
const connectedAccount = {
  accountSid: 'IRa1b2c3d4e5',
  connected: true,
  lastCatalogSyncAt: minutesAgo(5),
  rateLimit: { remaining: 412, resetAt: new Date(Date.now() + 20 * 60_000).toISOString() },
};

async function openAccount(client: ReturnType<typeof createFakeClient>) {
  renderApp(client, '#/settings');
  return screen.findByRole('group', { name: 'impact.com account' });
}

describe('Settings → impact.com account', () => {
  it('verifies the Account SID and token with impact.com and answers "Connected: 3 catalogs"', async () => {
    const client = createFakeClient({ catalogs });
    const account = await openAccount(client);
    const user = userEvent.setup();
    const token = await within(account).findByLabelText('Auth Token');
    expect(token.getAttribute('type')).toBe('password');
    await user.type(within(account).getByRole('textbox', { name: 'Account SID' }), 'IRa1b2c3d4e5');
    await user.type(token, 'tok-0123456789');
    await user.click(within(account).getByRole('button', { name: 'Verify and connect' }));

    expect(client.callsOf('connectImpactAccount')).toEqual([
      { accountSid: 'IRa1b2c3d4e5', authToken: 'tok-0123456789' },
    ]);
    expect((await within(account).findByRole('status')).textContent).toBe('Connected: 3 catalogs.');
    // the form is gone: the token is not on the page any more, in a field or as text
    expect(within(account).queryByLabelText('Auth Token')).toBeNull();
    expect(document.body.textContent).not.toContain('tok-0123456789');
    expect(within(account).getByText('IRa1b2c3d4e5')).toBeTruthy();
  });

  it.each([
    ['impact.com refused these credentials.', 400],
    ['This token may not read catalogs (403).', 400],
    ['impact.com cannot be reached.', 502],
  ])('says "%s" in plain words and keeps the form to try again', async (message, status) => {
    const client = createFakeClient(
      { catalogs },
      {
        connectImpactAccount: async () => {
          throw new ApiError(status, message);
        },
      },
    );
    const account = await openAccount(client);
    const user = userEvent.setup();
    await user.type(await within(account).findByRole('textbox', { name: 'Account SID' }), 'IRa1b2c3d4e5');
    await user.type(within(account).getByLabelText('Auth Token'), 'wrong-token-99');
    await user.click(within(account).getByRole('button', { name: 'Verify and connect' }));
    expect((await within(account).findByRole('alert')).textContent).toBe(message);
    expect(within(account).getByRole('button', { name: 'Verify and connect' })).toBeTruthy();
    expect(within(account).queryByText('Connected')).toBeNull();
  });

  it('asks for both values before asking impact.com', async () => {
    const client = createFakeClient();
    const account = await openAccount(client);
    const user = userEvent.setup();
    await user.type(await within(account).findByRole('textbox', { name: 'Account SID' }), 'IRa1b2c3d4e5');
    await user.click(within(account).getByRole('button', { name: 'Verify and connect' }));
    expect((await within(account).findByRole('alert')).textContent).toBe('Enter the Auth Token.');
    expect(client.callsOf('connectImpactAccount')).toEqual([]);
  });

  it('shows a connected account with its catalogs, last sync and rate limit, and never a token', async () => {
    const client = createFakeClient({ catalogs, account: connectedAccount });
    const account = await openAccount(client);
    const user = userEvent.setup();
    expect(await within(account).findByText('Connected')).toBeTruthy();
    expect(within(account).getByText('IRa1b2c3d4e5')).toBeTruthy();
    expect(within(account).getByText('3')).toBeTruthy();
    expect(within(account).getByText('5 min ago')).toBeTruthy();
    // 20 minutes ahead: today's time, or after midnight the weekday too ("Tue 12:02 AM")
    expect(within(account).getByText(/^412 requests left this hour \(resets at (\w{3} )?\d\d:\d\d/)).toBeTruthy();
    expect(within(account).queryByLabelText('Auth Token')).toBeNull();

    // replacing the token starts from an empty password field, the Account SID filled in
    await user.click(within(account).getByRole('button', { name: 'Replace the token' }));
    expect(within(account).getByLabelText<HTMLInputElement>('Auth Token').value).toBe('');
    expect(within(account).getByRole<HTMLInputElement>('textbox', { name: 'Account SID' }).value).toBe('IRa1b2c3d4e5');
  });

  it('disconnects only after a confirm, then offers the form again', async () => {
    const client = createFakeClient({ catalogs, account: connectedAccount });
    const account = await openAccount(client);
    const user = userEvent.setup();
    await user.click(await within(account).findByRole('button', { name: 'Disconnect' }));
    expect(client.callsOf('disconnectImpactAccount')).toEqual([]);
    await user.click(within(account).getByRole('button', { name: 'Yes, disconnect' }));
    expect(client.callsOf('disconnectImpactAccount')).toHaveLength(1);
    expect(await within(account).findByRole('button', { name: 'Verify and connect' })).toBeTruthy();
    await waitFor(() => expect(within(account).queryByText('Connected')).toBeNull());
  });

  it('says where to find the Account SID and token, and what Shelfwatch does with them', async () => {
    const account = await openAccount(createFakeClient());
    const help = await within(account).findByText(/Where to find them/);
    expect(help.closest('p')?.textContent).toMatch(/Settings → API.*Account SID.*Auth Token.*Read-Only token/);
    expect(account.textContent).toMatch(/only reads your catalogs/);
    expect(account.textContent).toMatch(/never sent anywhere but impact\.com/);
  });
});
