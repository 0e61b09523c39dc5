// A browser opening a hub's link (https://<hub>/#pair=<code>) pairs with the hub on the same origin, keeps the device
// token (a device stays paired), and leaves nothing of the code in the address bar; a refused code says why and what
// to do.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  browserDeviceName,
  pairThisBrowser,
  storedDeviceToken,
  takePairingCode,
} from '../../renderer/src/api/browserPairing.js';
import { BrowserPairing } from '../../renderer/src/app/BrowserPairing.js';

const CODE = 'K7QM-3RXT-9HZC';

function hubAnswering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  };
  return { fetch, calls };
}

describe('pairing a browser with a hub', () => {
  it('takes the code from the fragment and leaves the address bar clean', () => {
    window.history.replaceState(null, '', `/#pair=${CODE}`);
    expect(takePairingCode(window)).toBe(CODE);
    expect(window.location.href).not.toContain(CODE);
    expect(takePairingCode(window)).toBeNull(); // a reload cannot replay it
  });

  it('trades the code for a device token at /api/pair, keeps it in localStorage, then opens the app', async () => {
    const hub = hubAnswering(200, { deviceId: 'd1', token: 'device-token-123' });
    const onDone = vi.fn();
    render(
      <BrowserPairing pair={() => pairThisBrowser(window, CODE, hub.fetch)} onDone={onDone} pairedBefore={false} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Pairing with the hub…');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(hub.calls.map((call) => [call.url, call.init.method, JSON.parse(String(call.init.body))])).toEqual([
      ['/api/pair', 'POST', { code: CODE, name: browserDeviceName(window.navigator) }],
    ]);
    expect(storedDeviceToken(window)).toBe('device-token-123');
    expect(localStorage.getItem('shelfwatch.deviceToken')).toBe('device-token-123');
    expect(sessionStorage.length).toBe(0);
  });

  it('names the browser by its platform', () => {
    expect(browserDeviceName({ platform: 'MacIntel' } as Navigator)).toBe('Browser on macOS');
    expect(browserDeviceName({ platform: 'Win32' } as Navigator)).toBe('Browser on Windows');
    expect(browserDeviceName({ platform: 'Linux x86_64' } as Navigator)).toBe('Browser on Linux');
    expect(browserDeviceName({ platform: '' } as Navigator)).toBe('Browser on this computer');
  });

  it('shows the hub’s reason for a wrong or expired code and what to do, and keeps an earlier pairing usable', async () => {
    localStorage.setItem('shelfwatch.deviceToken', 'earlier-token');
    const reason = 'This pairing code is wrong, already used or expired. Ask for a new one in Settings → Devices.';
    const hub = hubAnswering(401, { error: reason });
    const onDone = vi.fn();
    render(<BrowserPairing pair={() => pairThisBrowser(window, CODE, hub.fetch)} onDone={onDone} pairedBefore />);
    const error = await screen.findByTestId('pairing-error');
    expect(error.textContent).toContain(reason);
    expect(error.textContent).toContain('open the new browser link here (a code works once, for 10 minutes)');
    expect(storedDeviceToken(window)).toBe('earlier-token');
    expect(onDone).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open Shelfwatch as paired before' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('passes on the hub’s “too many attempts” as it is', async () => {
    const hub = hubAnswering(429, {
      error: 'Too many pairing attempts from this address. Wait a minute and try again.',
    });
    render(
      <BrowserPairing pair={() => pairThisBrowser(window, CODE, hub.fetch)} onDone={() => {}} pairedBefore={false} />,
    );
    expect((await screen.findByTestId('pairing-error')).textContent).toBe(
      'This browser was not paired. Too many pairing attempts from this address. Wait a minute and try again.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
