// E-mail through the channel's SMTP server with nodemailer: implicit TLS (mailtos) or STARTTLS when the server offers
// it (mailto), a Message-ID that stays the same across retries, and SMTP's answer codes read as retry or fail.
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type { AddressOf } from '../address.js';
import type { EmailContent } from '../message/email.js';
import { type DeliveryOutcome, delivered, failed } from './outcome.js';

export interface SmtpOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** extra trust for a server's certificate (a company CA; tests' self-signed one) */
  tls?: ConnectionOptions;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
}

export async function sendEmail(
  address: AddressOf<'email'>,
  content: EmailContent,
  messageId: string,
  options: SmtpOptions,
): Promise<DeliveryOutcome> {
  const transport = nodemailer.createTransport({
    host: address.host,
    port: address.port,
    secure: address.secure,
    auth: address.auth ? { user: address.auth.user, pass: address.auth.password } : undefined,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    tls: options.tls,
  });
  const abort = () => transport.close();
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    await transport.sendMail({
      from: address.from,
      to: address.to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<${messageId}@shelfwatch>`,
      headers: { 'X-Shelfwatch-Message': messageId },
    });
    return delivered;
  } catch (error) {
    return smtpOutcome(address.host, error as SmtpError);
  } finally {
    options.signal.removeEventListener('abort', abort);
    transport.close();
  }
}

/** SMTP's 4xx is "try later", 5xx is "never"; a failed log-in will fail again; the network may come back. */
function smtpOutcome(host: string, error: SmtpError): DeliveryOutcome {
  const said = error.response ? ` (${error.response.replace(/\s+/g, ' ').slice(0, 200)})` : '';
  if (error.code === 'EAUTH') return failed(`The mail server ${host} refused the log-in${said}`, false);
  if (error.responseCode !== undefined) {
    const permanent = error.responseCode >= 500;
    const meaning = permanent ? 'it refused the message' : 'it asked to try later';
    return failed(`The mail server ${host} answered ${error.responseCode}${said}: ${meaning}`, !permanent);
  }
  if (error.code === 'ETLS' || error.code === 'ESOCKET') {
    return failed(`Could not reach the mail server ${host} securely or at all (${error.code})`, true);
  }
  return failed(`Could not reach the mail server ${host}${error.code ? ` (${error.code})` : ''}`, true);
}
