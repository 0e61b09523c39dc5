// Certificate pinning: the hub's self-signed certificate is trusted only when its SHA-256 equals the fingerprint
// from the pairing link. A probe handshake (no request sent) fetches the certificate; once it matches, that
// certificate becomes the connection's only CA and every handshake compares the fingerprint again.
import { createHash, X509Certificate } from 'node:crypto';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { certificateMismatchMessage, HubRefusedError } from './errors.js';

export interface PeerCertificate {
  pem: string;
  fingerprint: string;
}

/** What OpenSSL says when a handshake presents a certificate the pinned CA did not sign (or an expired one). */
const VERIFY_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isCertificateVerifyError(error: unknown): boolean {
  return VERIFY_ERROR_CODES.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

/** A TLS handshake that accepts any certificate only to read it; it sends no application data and hangs up. */
export function probePeerCertificate(url: URL, timeoutMs: number): Promise<PeerCertificate> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs / 1000} s`)));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate()?.raw;
      socket.destroy();
      if (!raw) {
        reject(new Error('the hub presented no certificate'));
        return;
      }
      resolve({ pem: new X509Certificate(raw).toString(), fingerprint: fingerprintOfDer(raw) });
    });
  });
}

/**
 * An agent whose connections succeed only with the pinned certificate. Throws HubRefusedError when the hub already
 * presents another one. Host names play no part: the pin is the identity.
 */
export async function createPinnedAgent(url: URL, fingerprint: string, timeoutMs: number): Promise<https.Agent> {
  const peer = await probePeerCertificate(url, timeoutMs);
  if (peer.fingerprint !== fingerprint) {
    throw new HubRefusedError(certificateMismatchMessage(peer.fingerprint), 'certificate');
  }
  return new https.Agent({
    keepAlive: true,
    ca: peer.pem,
    checkServerIdentity: (_host, certificate) => {
      const presented = fingerprintOfDer(certificate.raw);
      return presented === fingerprint
        ? undefined
        : new HubRefusedError(certificateMismatchMessage(presented), 'certificate');
    },
  });
}
