// The journal is the source of truth, so a bad command written before today's schemas existed (the UI API once
// accepted {"receiver":5}) must not fail start-up or be applied forever: it is skipped, logged, reported once,
// and the rest of the journal applies. Settings already stored invalid are reset to their defaults, with a notice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../main/engine/journal/codec.js';
import type { JournalRecord } from '../../main/engine/journal/index.js';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { captureLog } from './helpers/capture-log.js';
import { journalRecords, productOrNull, settled, startEngine } from './helpers/engine-harness.js';
import { itemJson, post } from './helpers/postbacks.js';

const DEC_2 = new Date(new Date().getFullYear(), 11, 2, 12).getTime();

/** Records as an older Shelfwatch journaled them: the old hand checks let these through. */
const oldCommands = (watchId: string) => [
  { kind: 'updateSettings', patch: { receiver: 5 } },
  { kind: 'updateSettings', patch: { retention: 5 } },
  { kind: 'updateSettings', patch: { toString: 5 } },
  {
    kind: 'createWatch',
    watch: {
      id: watchId,
      target: { catalogId: '77', catalogItemId: 'old-1' },
      rules: [{ kind: 'price-below' }, { kind: 'teleport', value: 1 }],
      muted: false,
      createdAt: new Date(DEC_2).toISOString(),
    },
  },
];

function appendRecords(dir: string, bodies: object[], firstSeq: number): void {
  const journal = path.join(dir, 'journal');
  const segment = path.join(journal, fs.readdirSync(journal).sort().at(-1) ?? '');
  const lines = bodies.map((body, index) =>
    encodeRecord({ ...body, seq: firstSeq + index, at: DEC_2 } as JournalRecord),
  );
  fs.appendFileSync(segment, lines.join(''));
}

/** Puts `receiver: 5` into the saved settings, as an old merge of {"receiver":5} did. */
function breakStoredSettings(dir: string): void {
  const file = path.join(dir, 'documents.json');
  const documents = JSON.parse(fs.readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
  Object.assign(documents.settings, { receiver: 5, toString: 5 });
  (documents.settings.retention as { journalDays: number }).journalDays = -3;
  fs.writeFileSync(file, JSON.stringify(documents));
  fs.rmSync(path.join(dir, 'documents.prev.json'), { force: true });
}

describe('replaying a journal with commands today’s schema refuses', () => {
  it('starts, skips and reports them once, applies the rest, repairs stored settings; a restart is clean', async () => {
    const temp = makeTempDir('shelfwatch-replay-');
    try {
      const first = await startEngine(temp.dir, { checkpoint: { quietMs: 1, maxDelayMs: 2 } });
      expect(await post(first, itemJson('kept-1'))).toEqual([200]);
      const watch = await first.engine.api.createWatch({
        target: { catalogId: '77', catalogItemId: 'kept-1' },
        rules: [{ kind: 'price-change' }],
      });
      await settled(first.engine, temp.dir);
      await first.close();

      breakStoredSettings(temp.dir);
      const seq = await journalRecords(temp.dir);
      const postback = { method: 'POST', query: '', contentType: 'application/json', headers: {} };
      appendRecords(
        temp.dir,
        [
          ...oldCommands('old-watch').map((command) => ({ type: 'command', command })),
          { type: 'command', command: { kind: 'updateSettings', patch: { launchAtLogin: true } } },
          { type: 'postback', raw: { ...postback, body: itemJson('after-1') } },
          { type: 'postback', raw: { ...postback, body: 42 } },
        ],
        seq + 1,
      );

      const log = captureLog();
      const second = await startEngine(temp.dir, { log });
      const status = await second.engine.api.status(undefined);
      expect(status.notices).toEqual([
        {
          code: 'settings-reset',
          message:
            'Some saved settings were not valid and were reset to their defaults: retention.journalDays, receiver, toString.',
        },
        { code: 'journal-refused', message: '3 settings changes from 2 Dec could not be applied and were ignored.' },
        { code: 'journal-refused', message: 'A new watch from 2 Dec could not be applied and was ignored.' },
        { code: 'journal-refused', message: 'A received postback from 2 Dec could not be applied and was ignored.' },
      ]);
      const settings = await second.engine.api.getSettings(undefined);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true });
      expect(await productOrNull(second.engine, '77:after-1')).not.toBeNull();
      expect(await productOrNull(second.engine, '77:kept-1')).not.toBeNull();
      expect((await second.engine.api.listWatches(undefined)).map((w) => w.id)).toEqual([watch.id]);
      expect(status.journal.appliedSeq).toBe(seq + 7);
      const skipped = log.lines.filter((line) => line.includes('skipped a record'));
      expect(skipped).toHaveLength(5);
      expect(skipped[0]).toMatch(/"kind":"updateSettings".*"problem":"command\.patch\.receiver must be an object/);
      expect(skipped[3]).toMatch(/"kind":"createWatch".*command\.watch\.rules\[0\]\.value must be a price above 0/);
      await second.close();

      const third = await startEngine(temp.dir);
      expect((await third.engine.api.status(undefined)).notices).toEqual([]);
      expect(await third.engine.api.getSettings(undefined)).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true });
      await third.close();
    } finally {
      temp.remove();
    }
  });
});
