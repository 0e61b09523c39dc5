// The event stream's URL: a single-use ticket asked for with the bearer token (in a header), never the token itself,
// which proxies and server logs would keep (see main/server/stream-tickets.ts).
import { ApiError } from '../../../shared/contract/errors.js';
import { errorMessageOfResponse } from '../../../shared/contract/http.js';
import { EVENTS_PATH, EVENTS_TICKET_PATH } from '../../../shared/contract/routes.js';
import { streamTicketSchema } from '../../../shared/contract/stream-ticket.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export async function eventStreamUrl(token: string | null, after: string | null, fetch: Fetch): Promise<string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(EVENTS_TICKET_PATH, { method: 'POST', headers });
  if (!response.ok) {
    throw new ApiError(
      response.status,
      await errorMessageOfResponse(response, 'Not authorized to follow live events.'),
    );
  }
  const parsed = streamTicketSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError(502, 'The server answered the event stream ticket with something unexpected.');
  const query = new URLSearchParams({ ticket: parsed.data.ticket });
  if (after) query.set('after', after);
  return `${EVENTS_PATH}?${query}`;
}
