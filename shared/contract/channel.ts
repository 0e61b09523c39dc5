// Alert channels (issue 17): where a watch's alerts are sent besides the screen (Slack, Discord, Teams, Telegram,
// ntfy, e-mail, a signed webhook). A channel's URL holds its credentials: it is taken once, by createChannel, and
// kept in the secret store; nothing here (the journal command, the stored row, an answer) carries it.
import { z } from 'zod';
import { RULE_KINDS } from './enums.js';

export const CHANNEL_KINDS = ['slack', 'discord', 'teams', 'telegram', 'ntfy', 'email', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** 0: one message per alert; 86,400: a daily summary. */
export const MAX_DIGEST_SECONDS = 86_400;
export const DEFAULT_DIGEST_SECONDS = 60;
export const MAX_CHANNEL_URL_CHARS = 2_048;
const MAX_FILTER_ITEMS = 1_000;

export const channelIdSchema = z.string().min(1).max(100);

const channelNameSchema = z.string().trim().min(1).max(80);

export const digestSecondsSchema = z.int().min(0).max(MAX_DIGEST_SECONDS);

/** Which alerts a channel gets: every one a watch raises ({}), or those of some watches, brands or rule kinds. */
export const channelFilterSchema = z.strictObject({
  watchIds: z.array(z.string().min(1).max(100)).max(MAX_FILTER_ITEMS).optional(),
  campaignIds: z
    .array(z.string().regex(/^\d{1,20}$/, { error: 'must be a number (the brand’s campaign id)' }))
    .max(MAX_FILTER_ITEMS)
    .optional(),
  kinds: z.array(z.enum(RULE_KINDS, { error: `must be one of: ${RULE_KINDS.join(', ')}` })).optional(),
});

export const channelInputSchema = z.strictObject({
  name: channelNameSchema,
  url: z.string().trim().min(1).max(MAX_CHANNEL_URL_CHARS),
  filter: channelFilterSchema.optional(),
  digestSeconds: digestSecondsSchema.optional(),
});

export const channelPatchSchema = z.strictObject({
  name: channelNameSchema.optional(),
  filter: channelFilterSchema.optional(),
  digestSeconds: digestSecondsSchema.optional(),
  enabled: z.boolean().optional(),
});

/** A channel as the createChannel command journals it: `target` is the masked address, never the URL. */
export const storedChannelSchema = z.strictObject({
  id: channelIdSchema,
  name: channelNameSchema,
  kind: z.enum(CHANNEL_KINDS),
  target: z.string().max(400),
  filter: channelFilterSchema,
  digestSeconds: digestSecondsSchema,
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
});

// Answers (Shelfwatch's own output): loose, so a field a newer hub adds is dropped by an older reader, not refused.
export const channelStatusSchema = z.looseObject({
  /** messages waiting to go out (collecting a digest, or being retried) */
  pending: z.int(),
  /** messages given up on (24 hours without success, or refused by the target) */
  failed: z.int(),
  lastSentAt: z.string().nullable(),
  /** in plain words, e.g. "Slack answered 404 (no_service): the webhook was removed" */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});

export const channelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  /** the address with every credential masked */
  target: z.string(),
  filter: z.looseObject(channelFilterSchema.shape),
  digestSeconds: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
  status: channelStatusSchema,
});

/** createChannel's answer: a webhook's signing secret is shown this once. */
export const createdChannelSchema = channelSchema.extend({ signingSecret: z.string().optional() });

export type ChannelFilter = z.infer<typeof channelFilterSchema>;
export type ChannelInput = z.infer<typeof channelInputSchema>;
export type ChannelPatch = z.infer<typeof channelPatchSchema>;
export type StoredChannel = z.infer<typeof storedChannelSchema>;
export type ChannelStatus = z.infer<typeof channelStatusSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type CreatedChannel = z.infer<typeof createdChannelSchema>;
