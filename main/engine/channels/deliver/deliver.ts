// One attempt to deliver a message to a channel's address, whatever the service: lay it out for the service, send,
// and read the answer. Every word of the outcome is cleaned of the address's credentials before it leaves here.
import type { ConnectionOptions } from 'node:tls';
import { type ChannelAddress, endpointOf, type ServiceBases } from '../address.js';
import { credentialsOf, redact } from '../mask.js';
import { discordPayload } from '../message/discord.js';
import { emailContent } from '../message/email.js';
import { ntfyPayload } from '../message/ntfy.js';
import type { OutgoingMessage, RenderContext } from '../message/outgoing.js';
import { slackPayload } from '../message/slack.js';
import { teamsPayload } from '../message/teams.js';
import { telegramPayload } from '../message/telegram.js';
import { webhookPayload } from '../message/webhook.js';
import { outcomeOfAnswer } from './answer-words.js';
import { NetworkError, postJson } from './http-post.js';
import type { DeliveryOutcome } from './outcome.js';
import { failed } from './outcome.js';
import { signedHeaders } from './signature.js';
import { sendEmail } from './smtp.js';

/** What the secret store keeps for a channel. */
export interface ChannelSecret {
  url: string;
  /** a webhook's whsec_… key */
  signingSecret?: string;
}

export interface DeliveryContext {
  bases: ServiceBases;
  render: RenderContext;
  now: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** extra TLS trust for mail servers */
  smtpTls?: ConnectionOptions;
}

export async function deliver(
  address: ChannelAddress,
  secret: ChannelSecret,
  message: OutgoingMessage,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const outcome = await attempt(address, secret, message, context);
  if (outcome.ok) return outcome;
  const credentials = [...credentialsOf(address), secret.url, secret.signingSecret ?? ''];
  return { ...outcome, problem: redact(outcome.problem, credentials) };
}

async function attempt(
  address: ChannelAddress,
  secret: ChannelSecret,
  message: OutgoingMessage,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const { render } = context;
  if (address.kind === 'email') {
    const options = { timeoutMs: context.timeoutMs, signal: context.signal, tls: context.smtpTls };
    return sendEmail(address, emailContent(message, render), message.id, options);
  }
  let payload: unknown;
  const headers: Record<string, string> = {};
  switch (address.kind) {
    case 'slack':
      payload = slackPayload(message, render);
      break;
    case 'discord':
      payload = discordPayload(message, render);
      break;
    case 'teams':
      payload = teamsPayload(message, render);
      break;
    case 'telegram':
      payload = telegramPayload(message, render, address.chatId);
      break;
    case 'ntfy':
      payload = ntfyPayload(message, render, address.topic);
      if (address.auth) headers.authorization = authorization(address.auth);
      break;
    case 'webhook':
      payload = webhookPayload(message, render, new Date(context.now).toISOString());
      if (address.auth) headers.authorization = authorization(address.auth);
      break;
  }
  const body = JSON.stringify(payload);
  if (address.kind === 'webhook' && secret.signingSecret) {
    Object.assign(headers, signedHeaders(secret.signingSecret, message.id, context.now, body));
  }
  const service = serviceName(address);
  try {
    const answer = await postJson(endpointOf(address, context.bases), body, {
      headers,
      timeoutMs: context.timeoutMs,
      signal: context.signal,
    });
    return outcomeOfAnswer(service, answer, context.now);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return failed(`Could not reach ${service}: ${error.message}`, true);
  }
}

function authorization(auth: { user: string; password: string } | { token: string }): string {
  if ('token' in auth) return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
}

/** How the outcome names the target: "Slack", "the webhook at hooks.example.com". */
function serviceName(address: Exclude<ChannelAddress, { kind: 'email' }>): string {
  switch (address.kind) {
    case 'slack':
      return 'Slack';
    case 'discord':
      return 'Discord';
    case 'teams':
      return 'Teams';
    case 'telegram':
      return 'Telegram';
    case 'ntfy':
      return `ntfy at ${new URL(address.server).host}`;
    case 'webhook':
      return `the webhook at ${new URL(address.url).host}`;
  }
}
