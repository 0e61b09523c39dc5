// What POST /api/events/ticket answers: a short-lived, single-use ticket that opens the event stream
// (GET /api/events?ticket=…) in place of the bearer token, which must never be put in a URL.
import { z } from 'zod';

export const streamTicketSchema = z.object({
  ticket: z.string().min(1),
  /** ISO 8601: the ticket opens no stream after this */
  expiresAt: z.string(),
});

export type StreamTicket = z.infer<typeof streamTicketSchema>;
