// How a command from the UI API (or a feature of the engine) is carried out: journaled, then applied, and only then
// answered. A failure says whether anything was kept.
import { ApiError } from '../../../shared/contract/errors.js';
import type { ApplyQueue } from '../apply-queue.js';
import type { Command, JournalWriter } from '../journal/index.js';
import { withoutPath } from '../system-error.js';
import type { Logger } from '../types.js';

export type RunCommand = (command: Command) => Promise<void>;

export function commandRunner(
  path: { writer: JournalWriter; queue: ApplyQueue },
  clock: () => number,
  log: Logger,
): RunCommand {
  return async (parsed) => {
    // Applied live exactly as replay will read it back: IPC keeps `undefined` fields ({ launchAtLogin: undefined }),
    // the journal's JSON drops them, and a merge must not set a setting to undefined in one and not the other.
    const command = JSON.parse(JSON.stringify(parsed)) as Command;
    const record = await path.writer.append({ type: 'command', command }, clock()).catch((error: Error) => {
      log.error('Could not journal a change', { kind: command.kind, error: error.message });
      throw new ApiError(503, `Could not save the change (${withoutPath(error)}). Nothing was changed; try again.`);
    });
    await path.queue.applied(record.seq).catch((error: Error) => {
      throw new ApiError(
        503,
        `Saved, but not applied yet: the product database cannot be written (${withoutPath(error)}). It is applied once writing works again.`,
      );
    });
  };
}
