// mailto://[user:password@]smtp-host[:port]?to=a@b.example[,c@d.example]&from=me@example.com — the SMTP server that
// sends, and to whom. mailto: port 587 and STARTTLS when the server offers it; mailtos: implicit TLS on port 465.
import type { AddressOf } from './address.js';
import { ChannelUrlError, hostAndPort, short, type UrlParts } from './url-parts.js';

const MAX_RECIPIENTS = 20;
const ADDRESS = /^[^\s@<>(),;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?$/;

export function parseEmailUrl(parts: UrlParts): AddressOf<'email'> {
  const secure = parts.scheme === 'mailtos';
  const { host, port } = hostAndPort(parts.authority);
  const to = parts.query
    .getAll('to')
    .flatMap((value) => value.split(/[,;\s]+/))
    .filter((value) => value !== '');
  if (to.length === 0) throw new ChannelUrlError('say whom to send to: add ?to=you@example.com');
  if (to.length > MAX_RECIPIENTS) throw new ChannelUrlError(`at most ${MAX_RECIPIENTS} recipients per channel`);
  for (const recipient of to) {
    if (!ADDRESS.test(recipient)) throw new ChannelUrlError(`"${short(recipient)}" in to= is not an e-mail address`);
  }
  // The sender: from=, else a user name that is an address (most providers' SMTP log-in is one)
  const from = parts.query.get('from') ?? (parts.user && ADDRESS.test(parts.user) ? parts.user : undefined);
  if (from === undefined) throw new ChannelUrlError('say who sends: add &from=alerts@example.com');
  if (!ADDRESS.test(from)) throw new ChannelUrlError(`"${short(from)}" in from= is not an e-mail address`);
  const address: AddressOf<'email'> = { kind: 'email', host, port: port ?? (secure ? 465 : 587), secure, from, to };
  if (parts.user !== undefined) {
    if (!parts.user) throw new ChannelUrlError('the user name before the @ is empty');
    address.auth = { user: parts.user, password: parts.password ?? '' };
  }
  return address;
}
