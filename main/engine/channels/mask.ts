// What may be shown of a channel's address: enough to tell two channels apart (the host, ids that are not secret,
// the first characters of a long token), never a credential. And the credentials themselves, so that any text
// about a delivery (an error, a target's answer) can be cleaned of them before it is stored, logged or answered.
import type { ChannelAddress } from './address.js';

export const MASK = '••••';

/** The first four characters of a long token, which alone open nothing; a short one is hidden whole. */
function hint(token: string): string {
  return token.length >= 12 ? `${token.slice(0, 4)}…` : MASK;
}

function withoutQuery(url: string): URL {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed;
}

/** A web address with its host, a hint of each long path segment, and neither its query nor a password. */
function maskedWebAddress(url: string, user: string | undefined): string {
  const parsed = withoutQuery(url);
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.length > 8 ? hint(segment) : segment));
  const login = user === undefined ? '' : `${user}:${MASK}@`;
  return `${parsed.protocol}//${login}${parsed.host}/${segments.join('/')}${parsed.search ? `?${MASK}` : ''}`;
}

export function maskedTarget(address: ChannelAddress): string {
  switch (address.kind) {
    case 'slack':
      return `slack://${hint(address.tokens[0])}/${hint(address.tokens[1])}/${MASK}`;
    case 'discord':
      return `discord://${address.webhookId}/${MASK}`;
    case 'teams': {
      const { host } = new URL(address.url);
      return `https://${host}/${MASK}`;
    }
    case 'telegram':
      return `tgram://${MASK}/${address.chatId}`;
    case 'ntfy': {
      const login = !address.auth ? '' : 'token' in address.auth ? `${MASK}@` : `${address.auth.user}:${MASK}@`;
      const server = new URL(address.server);
      const scheme = server.protocol === 'https:' ? 'ntfys' : 'ntfy';
      return `${scheme}://${login}${server.host}/${hint(address.topic)}`;
    }
    case 'email': {
      const login = address.auth ? `${address.auth.user}:${MASK}@` : '';
      const scheme = address.secure ? 'mailtos' : 'mailto';
      return `${scheme}://${login}${address.host}:${address.port}?to=${address.to.join(',')}&from=${address.from}`;
    }
    case 'webhook':
      return maskedWebAddress(address.url, address.auth?.user).replace(/^http(s?):/, 'json$1:');
  }
}

/** Every credential in an address: what must never appear in a stored error, a log or an answer. */
export function credentialsOf(address: ChannelAddress): string[] {
  switch (address.kind) {
    case 'slack':
      return [...address.tokens];
    case 'discord':
      return [address.webhookToken];
    case 'teams':
      return [address.url, ...tokensIn(address.url)];
    case 'telegram':
      return [address.botToken];
    case 'ntfy':
      return [address.topic, ...authSecrets(address.auth)];
    case 'email':
      return authSecrets(address.auth);
    case 'webhook':
      return [address.url, ...tokensIn(address.url), ...authSecrets(address.auth)];
  }
}

/** The parts of a web address that may be keys: long path segments and query values (a signature, a token). */
function tokensIn(url: string): string[] {
  const parsed = new URL(url);
  const parts = [...parsed.pathname.split('/').map(decodeURIComponent), ...parsed.searchParams.values()];
  return parts.filter((part) => part.length >= 12);
}

function authSecrets(auth: { password: string } | { token: string } | undefined): string[] {
  if (!auth) return [];
  return ['token' in auth ? auth.token : auth.password];
}

/** `text` with every credential (of at least four characters: shorter ones would blank out ordinary words) masked. */
export function redact(text: string, credentials: readonly string[]): string {
  const longestFirst = [...new Set(credentials)]
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length);
  let clean = text;
  for (const secret of longestFirst) {
    clean = clean.split(secret).join(MASK);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) clean = clean.split(encoded).join(MASK);
  }
  return clean;
}
