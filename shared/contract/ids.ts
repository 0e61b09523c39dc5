// Identifiers the UI sends back: bounded, so a request can never carry a megabyte where an id belongs.
import { z } from 'zod';

/** A feed entry id: "<seq>" or "<seq>.<index>". */
export const feedItemIdSchema = z.string().min(1).max(40);

/** "<catalogId>:<catalogItemId>": digits, a colon, then the item id (which may itself contain colons). */
export const productKeySchema = z
  .string()
  .max(221)
  .regex(/^\d{1,20}:[\s\S]{1,200}$/, { error: 'must be a product key like 24836:ACME-TB-12' });

/** "local" (this computer's own UI) or a paired device's id. */
export const deviceIdSchema = z.string().min(1).max(64);
