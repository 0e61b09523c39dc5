// How impact.com reaches this Shelfwatch: the postback URL and templates the Setup view shows (GET /api/setup).
import { z } from 'zod';

/** A setting whose stored value is not the one in force, because a flag or an environment variable overrides it. */
export const settingOverrideSchema = z.object({
  setting: z.enum(['receiver.host', 'receiver.port']),
  value: z.union([z.string(), z.number()]),
  /** e.g. "--receiver-port" or "SHELFWATCH_RECEIVER_PORT" */
  setBy: z.string(),
});

export const setupSchema = z.object({
  postbackUrl: z.string(),
  receiverHost: z.string(),
  receiverPort: z.number(),
  headerName: z.string(),
  headerValue: z.string(),
  templates: z.object({ jsonPost: z.string(), getUrl: z.string() }),
  /** receiver settings in force that differ from the stored ones (the Settings view says so) */
  overrides: z.array(settingOverrideSchema),
  /** what the receiver answers a postback it took: the text for impact.com's "Success Response" field */
  successResponse: z.string(),
});

export type SettingOverride = z.infer<typeof settingOverrideSchema>;
export type Setup = z.infer<typeof setupSchema>;
