// The renderer's Content Security Policy, sent as a response header on every load in the window's session.
// The renderer only talks to the main process over IPC, so nothing needs the network except product images.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string[]>;

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

/** Replaces any CSP header (header names are case-insensitive) with ours. */
export function withContentSecurityPolicy(headers: Headers = {}): Headers {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

export function hardenSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // The UI needs no camera, location, notifications from the page, etc.: native notifications come from main.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}
