// Settings → Where postbacks arrive, in the desktop app: this computer or a hub (paste its pairing link). Switching
// restarts the app; a computer that cannot keep the token safely says why instead of offering it; browsers never
// see the choice.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopConnectionApi } from '../../renderer/src/api/client.js';
import type { DesktopConnection } from '../../shared/contract/desktop-connection.js';
import { ApiError } from '../../shared/contract/errors.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const LINK = 'shelfwatch://pair?hub=https%3A%2F%2Fhub.example%3A8789&code=K7QM-3RXT-9HZC&fp=';
const LOCAL: DesktopConnection = {
  mode: 'local',
  hub: null,
  tokenStorageProblem: null,
  suggestedDeviceName: 'ada-laptop',
};

function desktopClient(connection: DesktopConnection, followHub?: DesktopConnectionApi['followHub']) {
  const client = createFakeClient();
  const desktop = {
    get: vi.fn(async () => connection),
    followHub: vi.fn(followHub ?? (async () => ({ restarting: true }))),
    switchToThisComputer: vi.fn(async () => ({ restarting: true })),
  };
  client.desktop = desktop;
  return { client, desktop };
}

describe('where postbacks arrive (desktop)', () => {
  it('follows a hub from its pairing link, named as the user likes, and says the app restarts', async () => {
    const { client, desktop } = desktopClient(LOCAL);
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    expect(((await screen.findByRole('radio', { name: 'This computer' })) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'A Shelfwatch hub' }));
    await user.click(screen.getByRole('textbox', { name: /Pairing link/ }));
    await user.paste(LINK);
    const name = screen.getByRole('textbox', { name: 'This computer’s name on the hub' });
    expect((name as HTMLInputElement).value).toBe('ada-laptop');
    await user.clear(name);
    await user.type(name, 'Work laptop');
    await user.click(screen.getByRole('button', { name: 'Follow this hub' }));
    expect(desktop.followHub.mock.calls).toEqual([[{ link: LINK, deviceName: 'Work laptop' }]]);
    expect((await screen.findByTestId('restarting')).textContent).toBe('Saved. Shelfwatch is restarting…');
  });

  it('shows why pairing failed', async () => {
    const reason =
      'The hub presented a different certificate (fingerprint ab12). If the hub was reinstalled, pair again.';
    const { client } = desktopClient(LOCAL, async () => Promise.reject(new ApiError(409, reason)));
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'A Shelfwatch hub' }));
    await user.click(screen.getByRole('textbox', { name: /Pairing link/ }));
    await user.paste(LINK);
    await user.click(screen.getByRole('button', { name: 'Follow this hub' }));
    expect((await screen.findByRole('alert')).textContent).toBe(reason);
    expect(screen.queryByTestId('restarting')).toBeNull();
  });

  it('says why it cannot follow a hub when this computer cannot keep the token safely', async () => {
    const problem = 'No keyring (such as GNOME Keyring or KWallet) is running, so Shelfwatch cannot encrypt …';
    const { client } = desktopClient({ ...LOCAL, tokenStorageProblem: problem });
    renderApp(client, '#/settings');
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'A Shelfwatch hub' }));
    expect(screen.getByTestId('token-storage-problem').textContent).toBe(problem);
    expect(screen.queryByRole('button', { name: 'Follow this hub' })).toBeNull();
  });

  it('following a hub: says which, and goes back to this computer after a confirm', async () => {
    const { client, desktop } = desktopClient({
      ...LOCAL,
      mode: 'hub',
      hub: { url: 'https://hub.example:8789', deviceName: 'Ada' },
    });
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    expect((await screen.findByTestId('following-hub')).textContent).toBe('Following https://hub.example:8789 as Ada.');
    expect(screen.getByRole('button', { name: 'Pair again' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'This computer' }));
    await user.click(screen.getByRole('button', { name: 'Use this computer' }));
    expect(desktop.switchToThisComputer).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Yes, restart' }));
    expect(desktop.switchToThisComputer).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('restarting')).toBeTruthy();
  });

  it('stays reachable when the hub’s settings cannot be loaded', async () => {
    const { client } = desktopClient({
      ...LOCAL,
      mode: 'hub',
      hub: { url: 'https://hub.example:8789', deviceName: 'Ada' },
    });
    client.api.getSettings = async () => Promise.reject(new ApiError(503, 'Cannot reach the hub'));
    renderApp(client, '#/settings');
    expect(await screen.findByText('Could not load settings: Cannot reach the hub')).toBeTruthy();
    expect(screen.getByTestId('postback-source')).toBeTruthy();
  });

  it('is not offered in a browser', async () => {
    renderApp(createFakeClient(), '#/settings');
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    expect(screen.queryByTestId('postback-source')).toBeNull();
  });
});
