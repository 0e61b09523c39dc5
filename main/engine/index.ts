// The engine's front door: everything the faces (main/desktop, main/server, main/follower, main/index.ts) may use of
// the engine, and nothing else. A face never imports a deeper path (test/tooling/engine-front-door.test.ts), so the
// engine's inside can move without touching them. Re-exports only: no code lives here.

// The UI API's errors, and the device a face's own UI reads as
export { userFacingError } from './api/errors.js';
// Settings a face keeps beside the engine's (a followed hub's per-device settings)
export { mergeSettings } from './apply/settings-merge.js';
// Secrets a face keeps its own way (the desktop: safeStorage)
export { basesFromEnv } from './channels/address.js';
export type { ChannelOptions } from './channels/options.js';
export { type ChannelSecretStore, fileChannelSecretStore, parseSecrets } from './channels/secret-store.js';
// Where the data lives, and the file modes the faces write their own files with
export { defaultDataDir } from './data-dir.js';
export { DIR_MODE, FILE_MODE } from './file-system.js';
// Paired devices: the hub's certificate, pairing links, and the limit on wrong codes
export { ensureCertificate } from './hub/certificate.js';
export { FailedAttemptLimiter, PairingLinkError, parsePairingLink } from './hub/pairing.js';
export { type CredentialStore, fileCredentialStore, type ImpactCredentials } from './impact-link/credentials.js';
// Opening an engine on a data folder, and what it answers
export { openEngine } from './open/open-engine.js';
// The receiver's address, and the listener the faces reuse for the UI API and the hub
export { type Listening, listen } from './receiver/listen.js';
export { postbackUrl } from './receiver/postback-url.js';
export { secretsMatch } from './receiver/secret.js';
/** The desktop loads SQLite's native module from inside the packaged app; call before opening an engine. */
export { setSqliteBinding } from './store/db/open.js';
export { LOCAL_DEVICE } from './store/db/read-state.js';
export { DataFolderLockedError } from './store/lock.js';
export type { Engine, EngineOptions, Logger, PostbackOutcome } from './types.js';
