// Applies the user's commands. They were validated before they were journaled, so applying cannot fail.
import type { Command } from '../journal/record.js';
import type { StoreView } from '../store/view.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { trimFeed } from './product.js';
import { applyPostbackAgain } from './reprocess.js';
import { mergeSettings } from './settings-merge.js';

export function applyCommand(view: StoreView, command: Command, seq: number, at: string): ApplyEffects {
  const data = view.data;
  const effects = noEffects();
  switch (command.kind) {
    case 'createWatch':
      data.watches.push(command.watch);
      effects.watchesChanged = true;
      break;
    case 'updateWatch': {
      const watch = data.watches.find((candidate) => candidate.id === command.id);
      if (!watch) break;
      if (command.patch.rules) {
        watch.rules = command.patch.rules;
        delete data.ruleMemory[watch.id]; // new rules are evaluated afresh
      }
      if (command.patch.muted !== undefined) watch.muted = command.patch.muted;
      effects.watchesChanged = true;
      break;
    }
    case 'deleteWatch':
      data.watches = data.watches.filter((watch) => watch.id !== command.id);
      delete data.ruleMemory[command.id];
      effects.watchesChanged = true;
      break;
    case 'updateSettings':
      data.settings = mergeSettings(data.settings, command.patch);
      trimFeed(view);
      effects.statusChanged = true;
      break;
    case 'markRead':
      markRead(view, command);
      effects.statusChanged = true;
      break;
    case 'reprocessQuarantine':
      return applyPostbackAgain(view, seq, at);
  }
  if (effects.watchesChanged) view.reindexWatches();
  return effects;
}

function markRead(view: StoreView, command: { ids?: string[]; all?: boolean }): void {
  const feed = view.data.feed;
  if (command.all) {
    feed.markAllRead();
    view.unread = 0;
    return;
  }
  for (const id of command.ids ?? []) if (feed.markRead(feed.indexOf(id))) view.unread--;
}
