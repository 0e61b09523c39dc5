// Applies the user's commands. They were validated before they were journaled, so applying cannot fail on the
// input. A command has a database part and a documents part (settings, watches); replay may need only one of them
// (see apply/index.ts), and the database part runs first so that a failed transaction leaves the documents alone.
import type { Command } from '../journal/record.js';
import type { Documents } from '../store/documents.js';
import type { Store } from '../store/store.js';
import { effectsOf } from './command-effects.js';
import { type ApplyEffects, noEffects } from './effects.js';
import { trimFeed } from './product.js';
import { applyMarkRead, applyUndoMarkRead } from './read-commands.js';
import { applyPostbackAgain } from './reprocess.js';
import { mergeSettings } from './settings-merge.js';

export interface Parts {
  data: boolean;
  documents: boolean;
}

export function applyCommand(store: Store, journaled: Command, seq: number, parts: Parts): ApplyEffects {
  const declared = effectsOf(journaled.kind);
  const effects = parts.data && declared.data ? applyDataPart(store, journaled, seq) : noEffects();
  if (parts.data && declared.data && !declared.documents) announce(effects, declared.announces);
  const command = parts.documents ? withoutHeaderValue(store, journaled, seq) : journaled;
  if (parts.documents && declared.documents && applyDocumentsPart(store.docs, command)) {
    announce(effects, declared.announces);
    store.documentsChanged();
  }
  return effects;
}

function announce(effects: ApplyEffects, what: 'status' | 'watches' | null): void {
  if (what === 'status') effects.statusChanged = true;
  if (what === 'watches') effects.watchesChanged = true;
}

function applyDataPart(store: Store, command: Command, seq: number): ApplyEffects {
  const effects = noEffects();
  switch (command.kind) {
    case 'updateWatch':
      if (command.patch.rules) store.ruleMemory.forgetWatch(command.id); // new rules are evaluated afresh
      break;
    case 'deleteWatch':
      store.ruleMemory.forgetWatch(command.id);
      break;
    case 'updateSettings':
      trimFeed(store, mergeSettings(store.settings, command.patch).retention.feedEntries);
      break;
    case 'markRead':
      applyMarkRead(store, command, seq);
      break;
    case 'undoMarkRead':
      applyUndoMarkRead(store, command);
      break;
    case 'reprocessQuarantine':
      return applyPostbackAgain(store, seq);
    case 'dismissQuarantine':
      dismissQuarantine(store, command);
      break;
    case 'pairDevice': {
      // A newly paired device starts with nothing unread: the feed before it is history, not news.
      const newest = store.feed.newestPos();
      if (newest !== null) store.readState.markAllRead(command.id, newest);
      break;
    }
    case 'revokeDevice':
      store.readState.forget(command.id);
      store.readBatches.forget(command.id);
      break;
    case 'createChannel':
      store.channels.add(command.channel);
      break;
    case 'updateChannel':
      store.channels.update(command.id, command.patch);
      break;
    case 'deleteChannel':
      store.channels.remove(command.id);
      store.outbox.removeChannel(command.id);
      break;
    case 'addSite':
      store.pageIndex.addSite({ ...command.site, addedAt: Date.parse(command.site.addedAt) });
      break;
    case 'deleteSite':
      store.pageIndex.deleteSite(command.id);
      break;
    case 'linkedProducts':
      store.pageIndex.linked.apply(command.added, command.removed);
      store.watched.linkedProductsChanged();
      break;
  }
  return effects;
}

function dismissQuarantine(store: Store, command: Extract<Command, { kind: 'dismissQuarantine' }>): void {
  if (command.seqs) for (const seq of command.seqs) store.quarantine.remove(seq);
  else store.quarantine.removeThrough(command.through ?? Number.MAX_SAFE_INTEGER);
  store.counters.quarantined(store.quarantine.count());
}

/**
 * The receiver's header value is a secret kept with the postback secret, never in the documents. Older versions
 * journaled it in the settings: such a value is handed on (with its position) to be moved there (header-value.ts).
 */
function withoutHeaderValue(store: Store, command: Command, seq: number): Command {
  if (command.kind !== 'updateSettings' || command.patch.receiver?.headerValue === undefined) return command;
  const { headerValue, ...receiver } = command.patch.receiver;
  store.foundJournaledHeaderValue(headerValue, seq);
  return { ...command, patch: { ...command.patch, receiver } };
}

/** Returns whether the documents changed. */
function applyDocumentsPart(documents: Documents, command: Command): boolean {
  switch (command.kind) {
    case 'createWatch':
      documents.watches.push(command.watch);
      return true;
    case 'updateWatch': {
      const watch = documents.watches.find((candidate) => candidate.id === command.id);
      if (!watch) return false;
      if (command.patch.rules) watch.rules = command.patch.rules;
      if (command.patch.muted !== undefined) watch.muted = command.patch.muted;
      return true;
    }
    case 'deleteWatch':
      documents.watches = documents.watches.filter((watch) => watch.id !== command.id);
      return true;
    case 'updateSettings':
      documents.settings = mergeSettings(documents.settings, command.patch);
      return true;
    case 'addDevice':
      documents.devices.push({
        ...command.device,
        pairedAt: null,
        lastSeenAt: null,
        lastAddress: null,
        tokenHash: null,
      });
      return true;
    case 'pairDevice': {
      const device = documents.devices.find((candidate) => candidate.id === command.id);
      if (!device) return false;
      Object.assign(device, {
        tokenHash: command.tokenHash,
        pairedAt: command.at,
        codeHash: null,
        codeExpiresAt: null,
      });
      if (command.name) device.name = command.name;
      return true;
    }
    case 'revokeDevice':
      documents.devices = documents.devices.filter((device) => device.id !== command.id);
      return true;
    case 'setCatalogs':
      documents.catalogs = command.catalogs;
      documents.lastCatalogSyncAt = command.at;
      return true;
    default:
      return false;
  }
}
