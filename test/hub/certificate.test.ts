import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCertificate, fingerprintOf, spkiFingerprintOf } from '../../main/engine/hub/certificate.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const { dir, remove } = makeTempDir('shelfwatch-cert-');
  cleanups.push(remove);
  return dir;
}

describe('hub certificate', () => {
  it('is generated once into <dataDir>/tls with a private key only the owner can read, then reused', async () => {
    const dataDir = tempDir();
    const now = new Date('2026-03-01T10:00:00Z');
    const first = await ensureCertificate(dataDir, { hostname: 'hub-box', now });
    expect(first.generated).toBe(true);
    const keyFile = path.join(dataDir, 'tls', 'key.pem');
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dataDir, 'tls')).sort()).toEqual(['cert.pem', 'key.pem']);

    const x509 = new X509Certificate(first.cert);
    expect(x509.subjectAltName).toBe('DNS:localhost, DNS:hub-box, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new Date(x509.validFrom).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2036-03-01T10:00:00.000Z');
    expect(x509.checkPrivateKey(createPrivateKey(first.key))).toBe(true);

    const again = await ensureCertificate(dataDir, { hostname: 'renamed-box' });
    expect(again).toEqual({ ...first, generated: false });
  });

  it('fingerprint: lowercase hex SHA-256 of the DER', async () => {
    const { cert, fingerprint } = await ensureCertificate(tempDir());
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(cert)).toBe(fingerprint);
    // Node's own colon-separated uppercase form of the same hash
    expect(new X509Certificate(cert).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(fingerprint);
    // Chromium's form (for the end-to-end test against the remote listener): base64 SHA-256 of the public key
    expect(spkiFingerprintOf(cert)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('uses a given cert/key pair as is and generates nothing', async () => {
    const source = await ensureCertificate(tempDir());
    const dataDir = tempDir();
    const certFile = path.join(dataDir, 'mine.crt');
    const keyFile = path.join(dataDir, 'mine.key');
    fs.writeFileSync(certFile, source.cert);
    fs.writeFileSync(keyFile, source.key);
    const given = await ensureCertificate(dataDir, { certFile, keyFile });
    expect(given).toEqual({ cert: source.cert, key: source.key, fingerprint: source.fingerprint, generated: false });
    expect(fs.existsSync(path.join(dataDir, 'tls'))).toBe(false);
  });

  it('refuses a given pair that is unreadable, not PEM or not a pair, naming the file', async () => {
    const a = await ensureCertificate(tempDir());
    const b = await ensureCertificate(tempDir());
    const dir = tempDir();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const certA = write('a.crt', a.cert);
    const keyB = write('b.key', b.key);
    await expect(ensureCertificate(dir, { certFile: certA, keyFile: keyB })).rejects.toThrow(
      `The TLS certificate ${certA} and the key ${keyB} do not belong together.`,
    );
    const missing = path.join(dir, 'nope.key');
    await expect(ensureCertificate(dir, { certFile: certA, keyFile: missing })).rejects.toThrow(
      `Cannot read the TLS key ${missing}: ENOENT.`,
    );
    const garbage = write('garbage.crt', 'hello');
    await expect(ensureCertificate(dir, { certFile: garbage, keyFile: keyB })).rejects.toThrow(
      `The TLS certificate ${garbage} is not a PEM certificate.`,
    );
    await expect(ensureCertificate(dir, { certFile: certA })).rejects.toThrow(/both a TLS certificate and its key/);
  });

  it('never replaces a certificate devices may have pinned: a damaged key is an error, not a new certificate', async () => {
    const dataDir = tempDir();
    const first = await ensureCertificate(dataDir);
    fs.writeFileSync(path.join(dataDir, 'tls', 'key.pem'), 'damaged');
    await expect(ensureCertificate(dataDir)).rejects.toThrow(/is not an unencrypted PEM private key.*pair again/s);
    expect(fs.readFileSync(path.join(dataDir, 'tls', 'cert.pem'), 'utf8')).toBe(first.cert);
  });

  it('a key without a certificate (a crash between the two writes) was never pinned: a new pair replaces it', async () => {
    const dataDir = tempDir();
    await ensureCertificate(dataDir);
    fs.rmSync(path.join(dataDir, 'tls', 'cert.pem'));
    const second = await ensureCertificate(dataDir);
    expect(second.generated).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'tls', 'key.pem'), 'utf8')).toBe(second.key);
  });
});
