// What a command announces to the live events (the status, the watches, or nothing) follows the one table of
// command effects (apply/command-effects.ts), not the command's name.
import { describe, expect, it } from 'vitest';
import { applyHarness, HARNESS_START_MS } from '../helpers/apply-harness.js';
import { channel } from './channels/outbox-fixtures.js';

const at = new Date(HARNESS_START_MS).toISOString();
const announced = (effects: { statusChanged: boolean; watchesChanged: boolean }) => ({
  status: effects.statusChanged,
  watches: effects.watchesChanged,
});

describe('what applying a command announces', () => {
  it('announces the watches for a watch change, the status for a read mark, nothing for a channel', () => {
    const h = applyHarness();
    const watch = { id: 'w1', target: { catalogId: '1' }, rules: [{ kind: 'price-change' as const }], muted: false };
    expect(announced(h.command({ kind: 'createWatch', watch: { ...watch, createdAt: at } }))).toEqual({
      status: false,
      watches: true,
    });
    expect(announced(h.command({ kind: 'updateWatch', id: 'w1', patch: { muted: true } }))).toEqual({
      status: false,
      watches: true,
    });
    expect(announced(h.command({ kind: 'markRead', ids: [] }))).toEqual({ status: true, watches: false });
    expect(announced(h.command({ kind: 'createChannel', channel: channel('c1') }))).toEqual({
      status: false,
      watches: false,
    });
    expect(announced(h.command({ kind: 'linkedProducts', added: ['1:A'], removed: [] }))).toEqual({
      status: false,
      watches: true,
    });
  });

  it('announces nothing when the documents part finds nothing to change', () => {
    const h = applyHarness();
    expect(announced(h.command({ kind: 'updateWatch', id: 'gone', patch: { muted: true } }))).toEqual({
      status: false,
      watches: false,
    });
    expect(announced(h.command({ kind: 'pairDevice', id: 'nobody', tokenHash: 'x'.repeat(64), at }))).toEqual({
      status: false,
      watches: false,
    });
  });
});
