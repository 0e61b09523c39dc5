// A browser becomes a device of a hub with the link the hub's Settings → Devices shows: https://<hub>/#pair=<code>.
// The code is taken from the fragment (never sent in a URL, gone from the address bar at once so a reload or a
// bookmark cannot replay it), traded for a device token at POST /api/pair on the same origin, and the token is kept
// in localStorage: a device stays paired. (The hub's own loopback UI keeps its #token= for the tab only.)
import { errorMessageOfResponse } from '../../../shared/contract/http.js';
import { PAIR_PATH } from '../../../shared/contract/routes.js';

const DEVICE_TOKEN_KEY = 'shelfwatch.deviceToken';
const WHAT_TO_DO =
  'On the hub, open Settings → Devices → Add a device, then open the new browser link here (a code works once, for 10 minutes).';

export function takePairingCode(win: Window): string | null {
  const match = /^#pair=([^&]+)/.exec(win.location.hash);
  if (!match?.[1]) return null;
  win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
  return decodeURIComponent(match[1]);
}

export function storedDeviceToken(win: Window): string | null {
  return win.localStorage.getItem(DEVICE_TOKEN_KEY);
}

/** "Browser on macOS": how the hub's device list names this browser. */
export function browserDeviceName(nav: Navigator): string {
  const platform =
    (nav as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || nav.platform;
  const known: Array<[RegExp, string]> = [
    [/iphone|ipad|ios/i, 'iOS'],
    [/mac/i, 'macOS'],
    [/win/i, 'Windows'],
    [/android/i, 'Android'],
    [/cros|chrome os/i, 'ChromeOS'],
    [/linux/i, 'Linux'],
  ];
  const name = known.find(([pattern]) => pattern.test(platform))?.[1];
  return `Browser on ${name ?? 'this computer'}`;
}

export class PairingError extends Error {
  override name = 'PairingError';
}

/** Trades the code for a device token and keeps it; throws PairingError with the hub's reason and what to do. */
export async function pairThisBrowser(
  win: Window,
  code: string,
  fetch: (input: string, init: RequestInit) => Promise<Response>,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(PAIR_PATH, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name: browserDeviceName(win.navigator) }),
    });
  } catch {
    throw new PairingError(`The hub did not answer. Check that it is running and reachable, then try again.`);
  }
  if (!response.ok) {
    const reason = await errorMessageOfResponse(response, 'The hub did not accept this pairing code.');
    throw new PairingError(response.status === 429 ? reason : `${reason} ${WHAT_TO_DO}`);
  }
  const answer = (await response.json().catch(() => null)) as { token?: unknown } | null;
  if (typeof answer?.token !== 'string' || answer.token === '') {
    throw new PairingError('The hub answered the pairing with something this page does not understand.');
  }
  win.localStorage.setItem(DEVICE_TOKEN_KEY, answer.token);
}
