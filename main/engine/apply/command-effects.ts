// What each command touches, in one table: the apply code reads it instead of guessing from a command's name.
// Adding a command kind without a row here does not compile.
import type { Command } from '../journal/record.js';

export interface CommandEffects {
  /** has a database part: rows in store.db (replayed when the database is behind the journal) */
  data: boolean;
  /** has a documents part: settings, watches, devices, catalogs (replayed when documents.json is behind) */
  documents: boolean;
  /**
   * What the live events announce once it applied: the status (counts, settings, devices, sites) or the watches.
   * A command with a documents part announces when its documents changed; one without, when its data part ran.
   */
  announces: 'status' | 'watches' | null;
}

export const COMMAND_EFFECTS = {
  createWatch: { data: false, documents: true, announces: 'watches' },
  updateWatch: { data: true, documents: true, announces: 'watches' }, // new rules start without memory
  deleteWatch: { data: true, documents: true, announces: 'watches' },
  updateSettings: { data: true, documents: true, announces: 'status' }, // a shorter retention trims the feed
  markRead: { data: true, documents: false, announces: 'status' },
  undoMarkRead: { data: true, documents: false, announces: 'status' },
  reprocessQuarantine: { data: true, documents: false, announces: 'status' },
  dismissQuarantine: { data: true, documents: false, announces: 'status' },
  addDevice: { data: false, documents: true, announces: 'status' },
  pairDevice: { data: true, documents: true, announces: 'status' }, // the new device starts with all read
  revokeDevice: { data: true, documents: true, announces: 'status' }, // its read state goes
  createChannel: { data: true, documents: false, announces: null },
  updateChannel: { data: true, documents: false, announces: null },
  deleteChannel: { data: true, documents: false, announces: null },
  setCatalogs: { data: false, documents: true, announces: 'status' },
  addSite: { data: true, documents: false, announces: 'status' },
  deleteSite: { data: true, documents: false, announces: 'status' },
  linkedProducts: { data: true, documents: false, announces: 'watches' }, // a pages watch covers other products
} as const satisfies Record<Command['kind'], CommandEffects>;

export function effectsOf(kind: Command['kind']): CommandEffects {
  return COMMAND_EFFECTS[kind];
}
