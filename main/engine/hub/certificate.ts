// The remote listener's TLS certificate: generated once into <dataDir>/tls/ and kept, because followers pin its
// fingerprint; a new certificate means every device has to pair again. Or the user's own pair (--tls-cert/--tls-key).
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { DIR_MODE, replaceFileSync } from '../file-system.js';

export interface HubCertificate {
  /** PEM; a user-given file may hold a chain, the leaf first */
  cert: string;
  key: string;
  /** lowercase hex SHA-256 of the (leaf) certificate's DER */
  fingerprint: string;
  generated: boolean;
}

export interface CertificateOptions {
  certFile?: string;
  keyFile?: string;
  /** for tests; default os.hostname() */
  hostname?: string;
  /** for tests; default now */
  now?: Date;
}

/**
 * Ten years: a pinned self-signed certificate gains nothing from expiring (nobody can renew it for the devices, and
 * revoking a device or re-pairing is how trust ends), while expiring would cut every follower off at once.
 */
export const GENERATED_VALIDITY_YEARS = 10;

export const TLS_DIR = 'tls';
export const CERT_FILE = 'cert.pem';
export const KEY_FILE = 'key.pem';

export function fingerprintOf(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

/** base64 SHA-256 of the public key (SPKI): what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiFingerprintOf(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export async function ensureCertificate(dataDir: string, options: CertificateOptions = {}): Promise<HubCertificate> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) {
      throw new Error('Give both a TLS certificate and its key (--tls-cert and --tls-key), or neither.');
    }
    return { ...readPair(options.certFile, options.keyFile), generated: false };
  }
  const dir = path.join(dataDir, TLS_DIR);
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  // The certificate is written last: once it exists a device may have pinned it, so it is never replaced silently.
  if (fs.existsSync(certFile)) {
    try {
      return { ...readPair(certFile, keyFile), generated: false };
    } catch (error) {
      throw new Error(
        `${(error as Error).message} Fix the files, or delete the folder ${dir} to generate a new certificate ` +
          '(every paired device then has to pair again).',
      );
    }
  }
  const pems = await generateSelfSigned(options.hostname ?? os.hostname(), options.now ?? new Date());
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  replaceFileSync(keyFile, pems.key);
  replaceFileSync(certFile, pems.cert); // public, but every file in the data folder is private (0600)
  return { ...pems, fingerprint: fingerprintOf(pems.cert), generated: true };
}

function readPair(certFile: string, keyFile: string): { cert: string; key: string; fingerprint: string } {
  const cert = readText(certFile, 'TLS certificate');
  const key = readText(keyFile, 'TLS key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new Error(`The TLS certificate ${certFile} is not a PEM certificate.`);
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`The TLS key ${keyFile} is not an unencrypted PEM private key.`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new Error(`The TLS certificate ${certFile} and the key ${keyFile} do not belong together.`);
  }
  return { cert, key, fingerprint: createHash('sha256').update(certificate.raw).digest('hex') };
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

async function generateSelfSigned(hostname: string, now: Date): Promise<{ cert: string; key: string }> {
  const notAfterDate = new Date(now);
  notAfterDate.setUTCFullYear(now.getUTCFullYear() + GENERATED_VALIDITY_YEARS);
  const dnsNames = [...new Set(['localhost', hostname].filter((name) => name && !isIpAddress(name)))];
  const pems = await generate([{ name: 'commonName', value: hostname || 'localhost' }], {
    // P-256: generated in milliseconds even on a Raspberry Pi, and every TLS client speaks it.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

function isIpAddress(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(':');
}
