// Your own endpoint: the message as JSON, in Standard Webhooks' envelope ({ type, timestamp, data }); the request is
// signed (deliver/signature.ts). Every alert the message keeps is sent in full, with `total` and `omitted`.
import type { OutgoingMessage, RenderContext } from './outgoing.js';

export interface WebhookPayload {
  type: 'alerts.raised' | 'channel.test';
  timestamp: string;
  data: Record<string, unknown>;
}

export function webhookPayload(message: OutgoingMessage, context: RenderContext, now: string): WebhookPayload {
  const channel = message.channel;
  if (message.type === 'test') {
    return { type: 'channel.test', timestamp: now, data: { messageId: message.id, channel } };
  }
  const alerts = message.items.map((item) => {
    const link = context.productLink(item.key);
    return link ? { ...item, shelfwatchUrl: link } : item;
  });
  return {
    type: 'alerts.raised',
    timestamp: now,
    data: {
      messageId: message.id,
      channel,
      firstAlertAt: message.createdAt,
      total: message.total,
      omitted: message.total - alerts.length,
      alerts,
    },
  };
}
