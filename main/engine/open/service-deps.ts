// What the UI API's service (api/service.ts) works with: the store and the engine's parts, and the secrets behind
// the postback URL, which change the setup and the status when they change.
import type { ServiceDeps } from '../api/service.js';
import type { Backups } from '../backup/backups.js';
import { settingOverrides } from '../setting-overrides.js';
import type { StatusBoard } from '../status-board.js';
import type { EngineContext } from './context.js';
import type { Features } from './features.js';
import type { OpenedData } from './open-data.js';
import type { PostbackSecret } from './postback-secret.js';
import type { RunCommand } from './run-command.js';
import type { WritingPath } from './writing-path.js';

export interface ServiceParts {
  data: Pick<OpenedData, 'store' | 'secrets'>;
  postbackSecret: PostbackSecret;
  writing: Pick<WritingPath, 'writer'>;
  board: StatusBoard;
  backups: Backups;
  features: Features;
  run: RunCommand;
}

export function serviceDeps(context: EngineContext, parts: ServiceParts): ServiceDeps {
  const { store, secrets } = parts.data;
  const { postbackSecret, writing, board, backups, features, run } = parts;
  const setup = () => board.setup(store.settings.receiver, secrets.headerValue, settingOverrides(context.options));
  return {
    store,
    backups,
    devices: features.devices,
    impact: features.impact,
    channels: features.channels.methods,
    pageScanner: features.pageScanner,
    run,
    status: (device: string) => board.status(device),
    setup,
    secret: () => postbackSecret.current(),
    regenerateSecret: () => {
      postbackSecret.regenerate();
      board.changed();
      return setup();
    },
    headerValue: () => secrets.headerValue,
    setHeaderValue: (value: string) => {
      // Every journal record so far is older than this value: replaying one never brings an older value back.
      secrets.setHeaderValue(value, writing.writer.appendedSeq);
      board.changed();
    },
    acknowledgeUrlChange: () => {
      secrets.acknowledgeUrlChange();
      board.changed();
    },
    clock: context.clock,
  };
}
