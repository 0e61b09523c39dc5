// A browser's EventSource cannot send an Authorization header, and a token in a URL is kept by every proxy and server
// log it passes. So a page trades its bearer token for a stream ticket (POST /api/events/ticket) and opens the stream
// with that (GET /api/events?ticket=…): good for one stream, for a minute, for the device that asked. The long-lived
// token never appears in a URL.
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { EVENTS_PATH } from '../../shared/contract/routes.js';
import type { StreamTicket } from '../../shared/contract/stream-ticket.js';

export const TICKET_TTL_MS = 60_000;
/** Outstanding tickets kept at most: a client asking in a loop cannot grow the map without bound. */
const MAX_OUTSTANDING = 1_000;

export class StreamTickets {
  private readonly tickets = new Map<string, { device: string; expiresAt: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  issue(device: string): StreamTicket {
    this.dropExpired();
    if (this.tickets.size >= MAX_OUTSTANDING) this.tickets.delete(this.tickets.keys().next().value as string);
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = this.clock() + TICKET_TTL_MS;
    this.tickets.set(ticket, { device, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The device the ticket was issued to; null when unknown, used or expired. A ticket works once. */
  redeem(ticket: string): string | null {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return found && found.expiresAt > this.clock() ? found.device : null;
  }

  /** A revoked device's tickets stop working at once, like its token. */
  forget(device: string): void {
    for (const [ticket, owner] of this.tickets) if (owner.device === device) this.tickets.delete(ticket);
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [ticket, owner] of this.tickets) if (owner.expiresAt <= now) this.tickets.delete(ticket);
  }
}

/** The ticket a request opens the event stream with; null for any other request or without one. */
export function streamTicketOf(req: Request): string | null {
  // Mounted with app.use('/api', …), req.path is relative ('/events'): compare the full path.
  const isEvents = req.method === 'GET' && `${req.baseUrl}${req.path}` === EVENTS_PATH;
  return isEvents && typeof req.query.ticket === 'string' ? req.query.ticket : null;
}
