// The product database found damaged while running: marked for the next start (which restores it from a backup and
// the journal), said to the user once.
import fs from 'node:fs';
import path from 'node:path';
import { DAMAGED_MESSAGE } from '../api/damage-guard.js';
import { FILE_MODE } from '../file-system.js';
import { DAMAGED_MARKER } from '../store/db/open.js';
import type { EngineContext } from './context.js';

export class DamageReport {
  private reported = false;

  constructor(private readonly context: Pick<EngineContext, 'dataDir' | 'clock' | 'log' | 'notices'>) {}

  /** Bound: handed around as a callback. */
  readonly report = (error: Error): void => {
    if (this.reported) return;
    this.reported = true;
    const { dataDir, clock, log, notices } = this.context;
    fs.writeFileSync(path.join(dataDir, DAMAGED_MARKER), `${new Date(clock()).toISOString()} ${error.message}\n`, {
      mode: FILE_MODE,
    });
    notices.push({ code: 'database-damaged', message: DAMAGED_MESSAGE });
    log.error('The product database is damaged; it is restored from a backup and the journal at the next start', {
      error: error.message,
    });
  };
}
