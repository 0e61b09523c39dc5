// A real SMTP server (smtp-server, nodemailer's own) on a free local port, for e-mail channels: STARTTLS or implicit
// TLS with a certificate made for the test, an optional log-in, and every message kept raw as it arrived.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** the message as sent: headers, then the MIME parts */
  raw: string;
  /** whether the connection was encrypted when the message was sent */
  secure: boolean;
  user: string | undefined;
}

export interface FakeSmtpOptions {
  /** a certificate: STARTTLS is offered with it (or, with implicitTls, every connection starts in TLS) */
  tls?: { cert: string; key: string };
  implicitTls?: boolean;
  /** the only log-in accepted; without it, none is asked for */
  login?: { user: string; password: string };
  /** answer the next messages with this SMTP code (e.g. 451: try later; 550: refused) */
  refuseNext?: number[];
}

export interface FakeSmtp {
  port: number;
  mails: ReceivedMail[];
  refuseNext: number[];
  close(): Promise<void>;
}

export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const refuseNext = [...(options.refuseNext ?? [])];
  const server = new SMTPServer({
    secure: options.implicitTls === true,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: !options.login,
    allowInsecureAuth: !options.tls,
    logger: false,
    onAuth(auth, _session, callback) {
      const { login } = options;
      if (login && auth.username === login.user && auth.password === login.password) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const code = refuseNext.shift();
        if (code !== undefined) {
          const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
            responseCode: code,
          });
          callback(error);
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        mails.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: session.user,
        });
        callback();
      });
    },
  });
  server.on('error', () => {}); // a client that hangs up mid-session is not the test's business
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    refuseNext,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's value from a raw message (unfolded). */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
