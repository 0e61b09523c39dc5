// The server face prints its UI URL with the token in the fragment (never sent to the server, never in logs).
// Take it once, keep it for this tab's session, and remove it from the address bar so it is not bookmarked or shared.
const STORAGE_KEY = 'shelfwatch.uiToken';

export function takeUiToken(win: Window): string | null {
  const match = /^#token=([^&]+)/.exec(win.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    win.sessionStorage.setItem(STORAGE_KEY, token);
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
    return token;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}
