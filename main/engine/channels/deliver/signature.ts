// Standard Webhooks (standardwebhooks.com) signing: webhook-id (stable across retries, so a receiver can drop a
// repeat), webhook-timestamp (this attempt's, in seconds), webhook-signature (v1, HMAC-SHA256 with the whsec_ key).
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function signedHeaders(secret: string, messageId: string, now: number, body: string): Record<string, string> {
  const timestamp = new Date(now);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, body),
  };
}
