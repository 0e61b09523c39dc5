// The devices that follow this Shelfwatch: added by its own UI (a one-time code, 10 minutes), paired by the device
// itself over the remote listener, known afterwards by a token only the device has (the hub keeps its hash),
// revoked at once. Adding, pairing and revoking are journal commands like every other change.
import { randomUUID } from 'node:crypto';
import type { AddedDevice, Device } from '../../../shared/contract/device.js';
import { ApiError } from '../../../shared/contract/errors.js';
import type { Command } from '../journal/record.js';
import type { StoredDevice } from '../store/documents.js';
import type { Store } from '../store/store.js';
import {
  hashToken,
  newDeviceToken,
  newPairingCode,
  normalizePairingCode,
  PAIRING_CODE_TTL_MS,
  pairingLink,
} from './pairing.js';

export interface RemoteListener {
  url: string;
  /** null when the listener is plain HTTP behind a TLS proxy (devices then check the proxy's certificate) */
  fingerprint: string | null;
}

/** A device added without a name: it names itself when it pairs ("Browser on macOS", the computer's name). */
const UNNAMED_DEVICE = 'New device';

/** How often a device's "last seen" is written down at most (it changes on every request). */
const SEEN_EVERY_MS = 60_000;

export class DeviceRegistry {
  private byToken = new Map<string, StoredDevice>();
  private indexedVersion = -1;
  /** codes being paired right now: a second request with the same code must not win too */
  private claimed = new Set<string>();
  private revokedListeners = new Set<(deviceId: string) => void>();
  remote: RemoteListener | null = null;

  constructor(
    private readonly store: Store,
    private readonly run: (command: Command) => Promise<void>,
    private readonly clock: () => number,
  ) {}

  list(): Device[] {
    return this.store.docs.devices.map(publicDevice);
  }

  async add(name: string): Promise<AddedDevice> {
    if (!this.remote) {
      throw new ApiError(
        409,
        'This Shelfwatch runs no remote listener: start it with --remote-port to let devices follow it.',
      );
    }
    const code = newPairingCode();
    const createdAt = new Date(this.clock()).toISOString();
    const expiresAt = new Date(this.clock() + PAIRING_CODE_TTL_MS).toISOString();
    const id = randomUUID();
    const cleanName = name.trim().slice(0, 80) || UNNAMED_DEVICE;
    await this.run({
      kind: 'addDevice',
      device: { id, name: cleanName, createdAt, codeHash: hashToken(code), codeExpiresAt: expiresAt },
    });
    const device = this.list().find((candidate) => candidate.id === id) as Device;
    const link = pairingLink({ hubUrl: this.remote.url, code, fingerprint: this.remote.fingerprint });
    return { device, pairingCode: code, pairingLink: link, expiresAt };
  }

  /** A device presents its code: a token for it, or 401 for a wrong, used or expired code. */
  async pair(typedCode: string, name: string | undefined): Promise<{ deviceId: string; token: string }> {
    const code = normalizePairingCode(typedCode);
    const codeHash = code ? hashToken(code) : '';
    const now = this.clock();
    const device = this.store.docs.devices.find(
      (candidate) =>
        candidate.codeHash === codeHash &&
        candidate.codeExpiresAt !== null &&
        Date.parse(candidate.codeExpiresAt) > now,
    );
    if (!code || !device || this.claimed.has(codeHash)) {
      throw new ApiError(
        401,
        'This pairing code is wrong, already used or expired. Ask for a new one in Settings → Devices.',
      );
    }
    this.claimed.add(codeHash);
    try {
      const token = newDeviceToken();
      // The name typed on the hub is how its Devices list tells devices apart (and what Revoke names): a device's
      // own name ("Browser on Linux") is only taken when nobody typed one.
      const cleanName = device.name === UNNAMED_DEVICE ? name?.trim().slice(0, 80) : undefined;
      await this.run({
        kind: 'pairDevice',
        id: device.id,
        tokenHash: hashToken(token),
        at: new Date(now).toISOString(),
        ...(cleanName ? { name: cleanName } : {}),
      });
      return { deviceId: device.id, token };
    } finally {
      this.claimed.delete(codeHash);
    }
  }

  /** The device a token belongs to (null: unknown or revoked), noting when and from where it was last seen. */
  authenticate(token: string, address: string): string | null {
    if (!token) return null;
    const device = this.tokens().get(hashToken(token));
    if (!device) return null;
    const now = this.clock();
    if (!device.lastSeenAt || now - Date.parse(device.lastSeenAt) > SEEN_EVERY_MS || device.lastAddress !== address) {
      // Presence, not history: kept with the documents, not journaled.
      device.lastSeenAt = new Date(now).toISOString();
      device.lastAddress = address;
      this.store.documentsTouched();
    }
    return device.id;
  }

  async revoke(id: string): Promise<boolean> {
    if (!this.store.docs.devices.some((device) => device.id === id)) return false;
    await this.run({ kind: 'revokeDevice', id });
    for (const listener of this.revokedListeners) listener(id);
    return true;
  }

  onRevoked(listener: (deviceId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  private tokens(): Map<string, StoredDevice> {
    if (this.indexedVersion !== this.store.documentsVersion) {
      this.byToken = new Map(
        this.store.docs.devices.flatMap((device) => (device.tokenHash ? [[device.tokenHash, device] as const] : [])),
      );
      this.indexedVersion = this.store.documentsVersion;
    }
    return this.byToken;
  }
}

function publicDevice(device: StoredDevice): Device {
  const { id, name, pairedAt, lastSeenAt, lastAddress } = device;
  return { id, name, pairedAt, lastSeenAt, lastAddress };
}
