// Issue 20: a page the server no longer takes (401) says why and how to get back in: a browser whose access to the
// hub was revoked offers to pair again; this computer's UI opened without its link says where the link is. Never
// "Shelfwatch is not answering" or "Hub unreachable — retrying" forever.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessWatch } from '../../renderer/src/api/access.js';
import { createHttpApi } from '../../renderer/src/api/httpApi.js';
import { ApiError } from '../../shared/contract/errors.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

afterEach(() => vi.unstubAllGlobals());

/** The fake engine answers 401 to everything, as a server that no longer takes the token does. */
function refusingClient(kind: 'device' | 'local') {
  const access = createAccessWatch(kind);
  const refuse = async () => {
    access.refuse();
    throw new ApiError(401, 'This device is not paired with the hub, or its access was revoked. Pair it again.');
  };
  return Object.assign(createFakeClient({}, { status: refuse, getSettings: refuse, feed: refuse }), { access });
}

describe('a page whose token the server refuses', () => {
  it('tells a revoked browser so, and pairs it again with a new code', async () => {
    const pair = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ error: 'This pairing code is wrong.' }), { status: 401 }),
    );
    vi.stubGlobal('fetch', pair);
    renderApp(refusingClient('device'));
    await screen.findByRole('heading', { level: 1, name: 'This browser’s access to the hub was revoked' });
    expect(screen.queryByText(/not answering|retrying/)).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Pairing code' }), 'K7QM-3RXT-9HZC');
    await user.click(screen.getByRole('button', { name: 'Pair again' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('wrong'));
    expect(pair).toHaveBeenCalledWith('/api/pair', expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse(String(pair.mock.calls[0]?.[1]?.body))).toMatchObject({ code: 'K7QM-3RXT-9HZC' });
  });

  it('tells this computer’s UI opened without its link where the link is', async () => {
    renderApp(refusingClient('local'));
    await screen.findByRole('heading', { level: 1, name: 'Open the link Shelfwatch printed when it started' });
    expect(screen.getByTestId('access-refused').textContent).toContain('npm run serve');
    expect(screen.queryByText(/not answering/)).toBeNull();
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'UI link' }), 'http://elsewhere.example/#token=x');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That is not this page’s link');
  });

  it('learns of a refusal from any 401 answer of the HTTP API', async () => {
    const onUnauthorized = vi.fn();
    const api = createHttpApi({
      token: 'old',
      fetch: async () => new Response('{"error":"no"}', { status: 401 }),
      onUnauthorized,
    });
    await expect(api.status(undefined)).rejects.toMatchObject({ status: 401 });
    await waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
  });
});
