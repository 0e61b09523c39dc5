// Starts the hub's remote listener: TLS with the generated self-signed certificate (pinned by devices through the
// pairing link) or the one given; or plain HTTP behind a TLS-terminating proxy. The engine learns the address and
// fingerprint it puts into pairing links and the status.
import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import { type Engine, ensureCertificate, type Listening, type Logger, listen } from '../engine/index.js';
import type { RemoteOptions } from './options.js';
import { createRemoteApp } from './remote-app.js';

export interface RemoteListening {
  listening: Listening;
  url: string;
  /** lowercase hex SHA-256 of the certificate's DER; null for plain HTTP or a certificate authorities vouch for */
  fingerprint: string | null;
}

export async function startRemoteListener(
  engine: Engine,
  remote: RemoteOptions,
  dataDir: string,
  rendererDir: string,
  log: Logger,
): Promise<RemoteListening> {
  let tls: { cert: string; key: string } | undefined;
  let fingerprint: string | null = null;
  if (remote.plain) {
    log.warn(
      'The remote listener speaks plain HTTP (--remote-plain): put it behind a TLS-terminating proxy, never on the open internet.',
    );
  } else {
    const certificate = await ensureCertificate(dataDir, { certFile: remote.tlsCert, keyFile: remote.tlsKey });
    tls = { cert: certificate.cert, key: certificate.key };
    // A certificate from an authority is renewed every few months: pinning it would break every device each time.
    fingerprint = isSelfSigned(certificate.cert) ? certificate.fingerprint : null;
  }
  const app = createRemoteApp(engine, rendererDir, { behindProxy: remote.plain, log });
  const listening = await listen(app, remote.host, remote.port, tls);
  const url = (remote.url ?? defaultUrl(remote.host, listening.port, Boolean(tls))).replace(/\/+$/, '');
  engine.devices.setRemote({ url, fingerprint });
  return { listening, url, fingerprint };
}

function isSelfSigned(pem: string): boolean {
  const certificate = new X509Certificate(pem);
  // (checkIssued() also asks for the right to sign certificates, which a server's own certificate does not have.)
  return certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey);
}

/** Where devices on the network most likely reach this machine: its first LAN address when listening on all. */
function defaultUrl(host: string, port: number, secure: boolean): string {
  const scheme = secure ? 'https' : 'http';
  if (host !== '0.0.0.0' && host !== '::') return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  return `${scheme}://${lan?.address ?? os.hostname()}:${port}`;
}
