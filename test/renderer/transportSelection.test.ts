import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import type { DesktopBridge } from '../../shared/contract/ipc-channels.js';
import { makeStatus } from '../fakes/ui-data.js';

afterEach(() => {
  delete window.shelfwatch;
  vi.resetModules();
});

const notUsed = async () => ({ ok: false as const, error: { status: 500, message: 'not used here' } });
const noConnectionChannels: DesktopBridge['connection'] = {
  get: notUsed,
  followHub: notUsed,
  useThisComputer: notUsed,
};

// getApi() decides once per page load, so each case imports a fresh copy of the module.
const freshGetApi = async () => (await import('../../renderer/src/api/client.js')).getApi;

describe('transport selection', () => {
  it('uses the desktop bridge when the preload exposes one', async () => {
    const status = vi.fn(async () => ({ ok: true as const, value: { unread: 7 } }));
    const openExternal = vi.fn(async () => ({ ok: true as const, value: undefined }));
    const bridge = {
      api: { status } as unknown as DesktopBridge['api'],
      onEvent: () => () => {},
      openExternal,
      copyText: async () => ({ ok: true as const, value: undefined }),
      onNavigate: () => () => {},
      connection: noConnectionChannels,
    } satisfies DesktopBridge;
    window.shelfwatch = bridge;
    const fetchSpy = vi.spyOn(window, 'fetch');
    const client = (await freshGetApi())();
    await expect(client.api.status(undefined)).resolves.toEqual({ unread: 7 });
    await client.openExternal('javascript:alert(1)');
    await client.openExternal('https://example.com/');
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('turns an error reply from the bridge into an ApiError with its status and message', async () => {
    const reply = { ok: false as const, error: { status: 409, message: 'This product is already on your watchlist.' } };
    window.shelfwatch = {
      api: { createWatch: async () => reply } as unknown as DesktopBridge['api'],
      onEvent: () => () => {},
      openExternal: async () => reply,
      copyText: async () => reply,
      onNavigate: () => () => {},
      connection: noConnectionChannels,
    };
    const client = (await freshGetApi())();
    const failed = client.api.createWatch({ target: { catalogId: '1', catalogItemId: 'A' }, rules: [] });
    await expect(failed).rejects.toEqual(new ApiError(409, 'This product is already on your watchlist.'));
    await expect(client.copyText('x')).rejects.toMatchObject({ status: 409 });
  });

  it('falls back to HTTP with the fragment token when there is no bridge', async () => {
    window.history.replaceState(null, '', '/#token=abc123');
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(makeStatus({}, { unread: 1 })), { status: 200 }));
    const client = (await freshGetApi())();
    expect(window.location.hash).toBe('');
    await client.api.status(undefined);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/status');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer abc123' });
  });

  it('uses a paired browser’s device token, kept across sessions, when there is no #token=', async () => {
    localStorage.setItem('shelfwatch.deviceToken', 'device-t0ken');
    window.history.replaceState(null, '', '/');
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(makeStatus({}, { unread: 1 })), { status: 200 }));
    const client = (await freshGetApi())();
    await client.api.status(undefined);
    expect(fetchSpy.mock.calls[0]?.[1]?.headers).toMatchObject({ Authorization: 'Bearer device-t0ken' });
    expect(client.connection?.get()).toEqual({ state: 'connecting', since: null });
    expect(client.desktop).toBeUndefined();
  });
});
