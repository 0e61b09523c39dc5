// Splits a channel URL in Apprise's notation (scheme://[user[:password]@]host[:port]/path?query) into its parts.
// Not WHATWG's URL parser: a Telegram bot token ("123456:ABC…") sits where a host and port would, and the parser
// would refuse it or lower-case a token's letters.

export interface UrlParts {
  scheme: string;
  user?: string;
  password?: string;
  /** the authority without the user part: a host (with its port) or, for some services, a token */
  authority: string;
  /** the path's segments, empty ones dropped */
  segments: string[];
  query: URLSearchParams;
}

export class ChannelUrlError extends Error {}

export function splitUrl(text: string): UrlParts {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i.exec(text.trim());
  if (!match) throw new ChannelUrlError('it is not a URL (expected something like slack://… or https://…)');
  const [, scheme = '', authorityWithUser = '', path = '', query = ''] = match;
  const at = authorityWithUser.lastIndexOf('@');
  const userInfo = at === -1 ? undefined : authorityWithUser.slice(0, at);
  const parts: UrlParts = {
    scheme: scheme.toLowerCase(),
    authority: authorityWithUser.slice(at + 1),
    segments: path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodePart(segment, 'the path')),
    query: new URLSearchParams(query),
  };
  if (userInfo !== undefined) {
    const colon = userInfo.indexOf(':');
    parts.user = decodePart(colon === -1 ? userInfo : userInfo.slice(0, colon), 'the user name');
    if (colon !== -1) parts.password = decodePart(userInfo.slice(colon + 1), 'the password');
  }
  return parts;
}

function decodePart(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ChannelUrlError(`${what} has a broken %-escape`);
  }
}

export interface HostPort {
  host: string;
  port?: number;
}

/** "host", "host:port", "[::1]:port"; a clear error for anything else. */
export function hostAndPort(authority: string): HostPort {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i.exec(authority);
  if (!match) {
    throw new ChannelUrlError(
      authority === '' || authority.startsWith(':')
        ? 'the host is missing'
        : `"${short(authority)}" is not a host name (with an optional :port)`,
    );
  }
  const [, host = '', portText] = match;
  if (portText === undefined) return { host };
  const port = Number(portText);
  if (port < 1 || port > 65_535) throw new ChannelUrlError(`the port ${portText} is not between 1 and 65535`);
  return { host, port };
}

/** "host" or "host:port", as a URL's authority. */
export function authorityOf({ host, port }: HostPort): string {
  return port === undefined ? host : `${host}:${port}`;
}

/** A piece of what the user typed, short enough to quote back. Only for parts that are not credentials. */
export function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
