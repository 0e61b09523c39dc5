// The two answers after which following a hub cannot go on by itself: the user has to pair again.

export const REVOKED_MESSAGE = "This device's access was revoked on the hub. Pair again.";

export function certificateMismatchMessage(presentedFingerprint: string): string {
  return (
    `The hub presented a different certificate (fingerprint ${presentedFingerprint}). ` +
    'If the hub was reinstalled, pair again.'
  );
}

export class HubRefusedError extends Error {
  override name = 'HubRefusedError';
  constructor(
    message: string,
    readonly reason: 'revoked' | 'certificate',
  ) {
    super(message);
  }
}
