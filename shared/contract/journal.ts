// What the journal holds, checked when it is read back: the journal is the source of truth, so a record written by
// an older Shelfwatch (or damaged in a way its checksum did not catch) must fit today's schema before it is applied.
import { z } from 'zod';
import { channelIdSchema, channelPatchSchema, storedChannelSchema } from './channel.js';
import { SITE_KINDS } from './enums.js';
import { feedViewSchema, markReadIdsSchema, markReadUndoIdSchema } from './feed.js';
import { deviceIdSchema, feedItemIdSchema, productKeySchema } from './ids.js';
import { catalogSchema } from './impact.js';
import { describeIssues, predicateOf } from './issues.js';
import { MAX_PAGE_URL, siteIdSchema } from './pages.js';
import { MAX_DISMISS_IDS, type RawRequest, rawRequestSchema } from './quarantine.js';
import { settingsPatchSchema } from './settings.js';
import { watchIdSchema, watchPatchSchema, watchSchema } from './watch.js';

/** a SHA-256 in hex: codes and tokens are never journaled, only their hashes */
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Products one linkedProducts command adds or removes at most (a scan with more records several). */
export const MAX_LINKED_PRODUCTS_CHANGE = 20_000;
const linkedKeysSchema = z.array(productKeySchema).max(MAX_LINKED_PRODUCTS_CHANGE);

/** The user's changes, journaled before they are applied. */
export const commandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('createWatch'), watch: watchSchema }),
  z.strictObject({ kind: z.literal('updateWatch'), id: watchIdSchema, patch: watchPatchSchema }),
  z.strictObject({ kind: z.literal('deleteWatch'), id: watchIdSchema }),
  z.strictObject({ kind: z.literal('updateSettings'), patch: settingsPatchSchema }),
  z.strictObject({
    kind: z.literal('markRead'),
    ids: markReadIdsSchema.optional(),
    all: z.boolean().optional(),
    /** the ids become unread again */
    unread: z.boolean().optional(),
    /** whose read state: absent means this computer's own UI */
    device: deviceIdSchema.optional(),
    /** the newest entry id that "all" covers, fixed when the user asked (absent: the newest when applied) */
    through: feedItemIdSchema.optional(),
    /** with "all": only the entries this feed view shows, resolved when applied (absent: every entry) */
    filter: feedViewSchema.optional(),
    /** with "all": the id its Undo names (absent, as older versions wrote it: it cannot be undone) */
    undoId: markReadUndoIdSchema.optional(),
  }),
  /** makes exactly the entries that "mark all read" marked unread again, while it is the device's newest */
  z.strictObject({ kind: z.literal('undoMarkRead'), id: markReadUndoIdSchema, device: deviceIdSchema.optional() }),
  z.strictObject({ kind: z.literal('reprocessQuarantine') }),
  /** the quarantine entries of these journal seqs; without them, every entry up to `through` */
  z.strictObject({
    kind: z.literal('dismissQuarantine'),
    seqs: z.array(z.int().min(1)).max(MAX_DISMISS_IDS).optional(),
    through: z.int().min(0).optional(),
  }),
  /** a device to pair: only the hash of its one-time code is kept */
  z.strictObject({
    kind: z.literal('addDevice'),
    device: z.strictObject({
      id: deviceIdSchema,
      name: z.string().max(80),
      createdAt: z.iso.datetime(),
      codeHash: hashSchema,
      codeExpiresAt: z.iso.datetime(),
    }),
  }),
  /** the device used its code: only the hash of its token is kept */
  z.strictObject({
    kind: z.literal('pairDevice'),
    id: deviceIdSchema,
    tokenHash: hashSchema,
    name: z.string().max(80).optional(),
    at: z.iso.datetime(),
  }),
  z.strictObject({ kind: z.literal('revokeDevice'), id: deviceIdSchema }),
  /** the impact.com account's catalogs (names and brands), as the Partner API listed them */
  /** an alert channel, without its URL: that is in the secret store, kept there before this is journaled */
  z.strictObject({ kind: z.literal('createChannel'), channel: storedChannelSchema }),
  z.strictObject({ kind: z.literal('updateChannel'), id: channelIdSchema, patch: channelPatchSchema }),
  z.strictObject({ kind: z.literal('deleteChannel'), id: channelIdSchema }),
  z.strictObject({
    kind: z.literal('setCatalogs'),
    catalogs: z.array(catalogSchema).max(10_000),
    at: z.iso.datetime(),
  }),
  /** a site of the partner's to read pages from: a sitemap, a feed or one page (what it served when added) */
  z.strictObject({
    kind: z.literal('addSite'),
    site: z.strictObject({
      id: siteIdSchema,
      url: z.string().max(MAX_PAGE_URL),
      kind: z.enum(SITE_KINDS),
      addedAt: z.iso.datetime(),
    }),
  }),
  z.strictObject({ kind: z.literal('deleteSite'), id: siteIdSchema }),
  /** after a scan: the products the pages now link to that were not recorded, and those they no longer link to */
  z.strictObject({ kind: z.literal('linkedProducts'), added: linkedKeysSchema, removed: linkedKeysSchema }),
]);

/**
 * What impact.com's Partner API said of an item during a catch-up check: its fields under the postback placeholder
 * names (CatalogId, CurrentPrice, …), read exactly like a postback, or that it is gone (a Delete with the ids).
 */
export const observationSchema = z.strictObject({
  operation: z.enum(['Update', 'Delete']),
  fields: z.record(z.string().max(40), z.string().max(8_192)),
  /** impact.com's own item Id, kept so the next check fetches it in one request */
  apiId: z.string().max(300).nullable(),
});

const envelope = { seq: z.int().min(1), at: z.number() };

/** `at` is the receive time in ms since the epoch: ingest uses it instead of a clock, so replay is deterministic. */
export const journalRecordSchema = z.discriminatedUnion('type', [
  // strict here: a record must fit exactly what this version wrote
  z.strictObject({ type: z.literal('postback'), raw: rawRequestSchema.strict(), ...envelope }),
  z.strictObject({ type: z.literal('command'), command: commandSchema, ...envelope }),
  z.strictObject({ type: z.literal('observation'), observation: observationSchema, ...envelope }),
]);

export type Command = z.infer<typeof commandSchema>;
export type JournalRecord = z.infer<typeof journalRecordSchema>;
/** A record before the writer numbers it. */
export type Observation = z.infer<typeof observationSchema>;
export type RecordBody =
  | { type: 'postback'; raw: RawRequest }
  | { type: 'command'; command: Command }
  | { type: 'observation'; observation: Observation };

/** A record whose checksum held but which today's schema refuses: what it was, when, and why. */
export interface RefusedRecord {
  seq: number;
  at: number;
  /** "postback" or the command's kind, when the record says so */
  kind: string;
  problem: string;
}

export type ParsedRecord = { ok: true; record: JournalRecord } | { ok: false; refused: RefusedRecord };

/** The one place a journal record read back from disk is checked. */
export function parseJournalRecord(value: { seq: number; at: number } & Record<string, unknown>): ParsedRecord {
  const result = journalRecordSchema.safeParse(value, { error: predicateOf });
  if (result.success) return { ok: true, record: result.data };
  const command = value.command as { kind?: unknown } | undefined;
  const kind = value.type === 'command' ? String(command?.kind ?? 'unknown command') : String(value.type);
  const problem = describeIssues(result.error.issues, 'the record');
  return { ok: false, refused: { seq: value.seq, at: value.at, kind, problem } };
}
