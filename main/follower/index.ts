// Following a Shelfwatch hub from the desktop (issue 11). Plain Node, no Electron: the desktop face wraps it.
export type { FollowerClock } from './clock.js';
export type { ConnectionState, ConnectionStateName } from './connection-state.js';
export { certificateMismatchMessage, HubRefusedError, REVOKED_MESSAGE } from './errors.js';
export type { LastEventIdStore } from './event-sequencer.js';
export type { StreamTiming } from './event-stream.js';
export { createHubFollower, type HubFollower, type HubFollowerOptions } from './hub-follower.js';
export { type HubPairing, type PairDeps, pairWithHub } from './pair.js';
export type { EventMeta, FollowerEvent, FollowerListener } from './stream-messages.js';
