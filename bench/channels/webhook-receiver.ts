// The bench's local webhook: takes Shelfwatch's signed JSON POSTs and notes when each alert's item arrived (the
// first time: a repeat is dropped by its webhook-id, as a receiver should).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  /** the channel URL for it: json://127.0.0.1:<port>/bench */
  channelUrl: string;
  /** performance.now() when each alerted item first arrived, by its catalog item id */
  receivedAt: Map<string, number>;
  /** requests taken, repeats included */
  requests: number;
  repeats: number;
  close(): Promise<void>;
}

interface Payload {
  data?: { alerts?: { catalogItemId?: string }[] };
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const seenIds = new Set<string>();
  const receiver = { receivedAt: new Map<string, number>(), requests: 0, repeats: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      receiver.requests++;
      const id = String(req.headers['webhook-id']);
      if (seenIds.has(id)) receiver.repeats++;
      else {
        seenIds.add(id);
        const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Payload;
        for (const alert of payload.data?.alerts ?? []) {
          if (alert.catalogItemId && !receiver.receivedAt.has(alert.catalogItemId)) {
            receiver.receivedAt.set(alert.catalogItemId, at);
          }
        }
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    channelUrl: `json://127.0.0.1:${port}/bench`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
