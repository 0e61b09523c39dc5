// The hub's secrets as the UI shows them: a postback URL that changed because the secrets files were lost is said
// loudly until the user says they updated impact.com; the receiver's header value is never shown nor sent back as
// its mask, and can still be set, replaced and removed.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SECRET_SET_MASK } from '../../shared/contract/secret-mask.js';
import type { Settings } from '../../shared/contract/settings.js';
import { makeSettings, makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const changed = { at: '2026-03-02T09:15:00.000Z', headerValueLost: true };

describe('a postback URL that changed (both secrets files lost)', () => {
  it('is said in the status line on every view and beside the URL on Setup, until acknowledged', async () => {
    const client = createFakeClient({ status: makeStatus({}, { postbackUrlChanged: changed }) });
    renderApp(client, '#/feed');
    const user = userEvent.setup();
    const banner = await screen.findByTestId('url-changed');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Your postback URL changed: update it in impact.com.');
    expect(banner.textContent).toContain('every postback sent there is refused');
    expect(banner.textContent).toContain('The HTTP header value was lost too');

    window.location.hash = '#/setup';
    expect((await screen.findByTestId('url-changed-note')).textContent).toContain('paste it in impact.com now');
    expect(screen.getByTestId('url-changed')).toBeTruthy(); // the status line too

    await user.click(screen.getByRole('button', { name: 'I updated impact.com' }));
    expect(client.callsOf('acknowledgeUrlChange')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('url-changed')).toBeNull());
    expect(screen.queryByTestId('url-changed-note')).toBeNull();
  });

  it('is not shown when the URL did not change', async () => {
    renderApp(createFakeClient({ status: makeStatus({}, { postbackUrlChanged: null }) }), '#/setup');
    await screen.findByTestId('postback-url');
    expect(screen.queryByTestId('url-changed')).toBeNull();
    expect(screen.queryByTestId('url-changed-note')).toBeNull();
  });
});

describe('the receiver’s header value in Settings', () => {
  /** A hub with a header value set: it answers the mask, as the engine does, whatever is saved. */
  function hubWithHeaderValue() {
    const withMask = (settings: Settings): Settings => ({
      ...settings,
      receiver: { ...settings.receiver, headerValue: settings.receiver.headerValue ? SECRET_SET_MASK : '' },
    });
    let stored = makeSettings({ receiver: { ...makeSettings().receiver, headerName: 'X-Hub', headerValue: 'real' } });
    const client = createFakeClient(
      {},
      {
        getSettings: async () => withMask(stored),
        updateSettings: async (patch) => {
          const receiver = { ...stored.receiver, ...patch.receiver };
          stored = { ...stored, ...(patch as Partial<Settings>), receiver };
          return withMask(stored);
        },
      },
    );
    return { client, stored: () => stored };
  }

  it('shows a set value as set, never its mask in a field, and leaves it alone when other receiver fields change', async () => {
    const { client, stored } = hubWithHeaderValue();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    expect((await screen.findByTestId('header-value-set')).textContent).toContain('Set (hidden).');
    expect(document.body.innerHTML).not.toContain(SECRET_SET_MASK);
    const host = screen.getByRole('textbox', { name: 'Host' });
    await user.clear(host);
    await user.type(host, '0.0.0.0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(client.callsOf('updateSettings')[0]?.receiver).not.toHaveProperty('headerValue');
    expect(stored().receiver.headerValue).toBe('real');
  });

  it('replaces it with a typed value; leaving the new field empty keeps the old one', async () => {
    const { client, stored } = hubWithHeaderValue();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Replace' }));
    const field = screen.getByLabelText('New header value');
    expect((field as HTMLInputElement).value).toBe('');
    await user.type(field, 'x');
    await user.clear(field);
    expect(await screen.findByTestId('header-value-set')).toBeTruthy(); // emptied again: back to "keep"
    await user.click(screen.getByRole('button', { name: 'Replace' }));
    await user.type(screen.getByLabelText('New header value'), 'n3w-value');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(client.callsOf('updateSettings')[0]?.receiver?.headerValue).toBe('n3w-value');
    expect(stored().receiver.headerValue).toBe('n3w-value');
    expect((await screen.findByTestId('header-value-set')).textContent).toContain('Set (hidden).');
  });

  it('removes it', async () => {
    const { client, stored } = hubWithHeaderValue();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(screen.getByTestId('header-value-set').textContent).toContain('Removed when you save.');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(client.callsOf('updateSettings')[0]?.receiver?.headerValue).toBe('');
    expect(stored().receiver.headerValue).toBe('');
    expect(screen.getByLabelText('Header value')).toBeTruthy(); // none set: a plain field to set one
  });
});
