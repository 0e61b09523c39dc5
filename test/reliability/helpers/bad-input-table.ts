// Runs a table of bad inputs against one engine: each row names the exact statuses and the exact store effect
// (journal records, feed entries, quarantine entries added), then an optional check of what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { counts, startEngine, type TestEngine } from './engine-harness.js';

export interface Effect {
  records: number;
  feed: number;
  quarantined: number;
}

export const NOTHING: Effect = { records: 0, feed: 0, quarantined: 0 };
export const FEED: Effect = { records: 1, feed: 1, quarantined: 0 };
export const QUARANTINE: Effect = { records: 1, feed: 0, quarantined: 1 };
/** applied, and a value that could not be read is in "Need attention" (the quarantine) beside it */
export const FEED_AND_ATTENTION: Effect = { records: 1, feed: 1, quarantined: 1 };
/** journaled and applied, but no feed entry: a test postback, a repeated delivery, a no-op update */
export const RECORD_ONLY: Effect = { records: 1, feed: 0, quarantined: 0 };

export interface BadInput {
  name: string;
  /** sends the input; returns every status the client saw */
  send(test: TestEngine): Promise<number[]>;
  statuses: number[];
  effect: Effect;
  check?(test: TestEngine): Promise<void>;
}

/** Registers one test per row; all rows share one engine (and so one store) in order. */
export function runBadInputs(title: string, rows: BadInput[]): void {
  const temp = makeTempDir('shelfwatch-bad-');
  let test: TestEngine;
  beforeAll(async () => {
    test = await startEngine(temp.dir);
  });
  afterAll(async () => {
    await test.close();
    temp.remove();
  });
  describe(title, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.statuses.join(', ')}`, async () => {
        const before = await counts(test);
        const statuses = await row.send(test);
        expect(statuses).toEqual(row.statuses);
        const after = await counts(test);
        expect({
          records: after.records - before.records,
          feed: after.feed - before.feed,
          quarantined: after.quarantined - before.quarantined,
        }).toEqual(row.effect);
        await row.check?.(test);
      });
    }
  });
}
