// Starts an HTTP server for an Express app with timeouts short enough that a slow client cannot pin the process,
// and stops it gracefully: in-flight requests are answered, idle connections closed.

import type { RequestListener } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

export const RECEIVER_TIMEOUTS = { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 };

/** With `tls` (a PEM certificate and key) the server speaks HTTPS. */
export function listen(
  handler: RequestListener,
  host: string,
  port: number,
  tls?: { cert: string; key: string },
): Promise<Listening> {
  const options = {
    requestTimeout: RECEIVER_TIMEOUTS.requestMs,
    headersTimeout: RECEIVER_TIMEOUTS.headersMs,
    maxHeaderSize: 16 * 1024,
    // Node checks the two timeouts above only this often (default 30 s): a slow-loris would outlive them.
    connectionsCheckingInterval: 1_000,
  };
  const server: http.Server = tls
    ? https.createServer({ ...options, ...tls, minVersion: 'TLSv1.2' }, handler)
    : http.createServer(options, handler);
  server.keepAliveTimeout = RECEIVER_TIMEOUTS.keepAliveMs;
  server.timeout = RECEIVER_TIMEOUTS.requestMs;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({ server, port: address.port, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Requests still running after the grace period are cut; their senders were not answered 200 and will retry.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
