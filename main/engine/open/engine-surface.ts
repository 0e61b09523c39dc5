// The Engine the faces get: the UI API (as this computer or a paired device sees it), live events, the feed for a
// resuming event stream, the receiver, and close, which stops the parts in the one order that loses nothing.
import type { UiEvent } from '../../../shared/contract/events.js';
import { guardDamage } from '../api/damage-guard.js';
import { createService, type ServiceDeps } from '../api/service.js';
import type { Backups } from '../backup/backups.js';
import type { LiveEvents } from '../live-events.js';
import type { StatusBoard } from '../status-board.js';
import { LOCAL_DEVICE } from '../store/db/read-state.js';
import { entriesAfter } from '../store/feed-page.js';
import type { Store } from '../store/store.js';
import type { Engine } from '../types.js';
import type { Features } from './features.js';
import type { EngineReceiver } from './receiver.js';
import type { WritingPath } from './writing-path.js';

export interface SurfaceParts {
  store: Store;
  service: ServiceDeps;
  onDamage: (error: Error) => void;
  uiToken: string;
  live: LiveEvents;
  board: StatusBoard;
  receiver: EngineReceiver;
  features: Features;
  backups: Backups;
  writing: WritingPath;
  /** the upgrade of an old store under way, or null */
  upgrading: Promise<void> | null;
  /** closes the store, then releases the data folder's lock */
  closeData: () => void;
}

export function engineSurface(parts: SurfaceParts): Engine {
  const { store, service, onDamage, live, board, receiver, features } = parts;
  const { devices } = features;
  let closed = false;
  return {
    api: guardDamage(createService(service, LOCAL_DEVICE), onDamage),
    apiFor: (device) => guardDamage(createService(service, device), onDamage),
    uiToken: parts.uiToken,
    devices: {
      pair: (code, name) => devices.pair(code, name),
      authenticate: (token, address) => devices.authenticate(token, address),
      onRevoked: (listener) => devices.onRevoked(listener),
      setRemote: (remote) => {
        devices.remote = remote;
        board.setRemote(remote);
      },
    },
    entriesAfter: (after, device, limit) => entriesAfter(store, after, limit, device),
    appliedSeq: () => store.appliedSeq,
    subscribe: (listener: (event: UiEvent) => void, device = LOCAL_DEVICE) =>
      live.subscribe((event) =>
        listener(event.type === 'status' ? { type: 'status', status: board.status(device) } : event),
      ),
    startReceiver: () => receiver.start(),
    async close() {
      if (closed) return;
      closed = true;
      features.impact.stop();
      await features.channels.sender.stop();
      await parts.backups.stop();
      await features.pageScanner.stop();
      await receiver.close();
      await parts.upgrading;
      await parts.writing.close();
      board.stop();
      parts.closeData();
    },
  };
}
