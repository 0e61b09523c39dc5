// The event stream never takes the long-lived token in its URL (proxies and logs keep URLs): a page asks for a
// single-use, short-lived ticket with its bearer token in a header, and opens the stream with that.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../main/server/start.js';
import { StreamTickets, TICKET_TTL_MS } from '../../main/server/stream-tickets.js';
import { streamTicketSchema } from '../../shared/contract/stream-ticket.js';
import { request } from '../helpers/http.js';
import { startTestServer, TEST_TOKEN } from '../helpers/server.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let server: RunningServer;
const ui = (suffix: string) => `http://127.0.0.1:${server.uiPort}${suffix}`;

/** Opens the event stream and closes it as soon as the answer's status and type are known. */
function openStream(url: string): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') });
      req.destroy();
    });
    req.on('error', reject);
  });
}

async function newTicket(): Promise<string> {
  const answer = await request(ui('/api/events/ticket'), {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
  });
  expect(answer.status).toBe(200);
  return streamTicketSchema.parse(JSON.parse(answer.body)).ticket;
}

beforeAll(async () => {
  server = await startTestServer(temp.dir);
});
afterAll(async () => {
  await server.close();
  temp.remove();
});

describe('the stream ticket on the loopback UI', () => {
  it('is given only for the bearer token, and expires a minute later', async () => {
    expect((await request(ui('/api/events/ticket'), { method: 'POST' })).status).toBe(401);
    const answer = await request(ui('/api/events/ticket'), {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    const { ticket, expiresAt } = streamTicketSchema.parse(JSON.parse(answer.body));
    expect(ticket).not.toContain(TEST_TOKEN);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(0);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(TICKET_TTL_MS);
  });

  it('opens the event stream once; the same ticket again is refused', async () => {
    const ticket = await newTicket();
    expect(await openStream(ui(`/api/events?ticket=${ticket}`))).toEqual({
      status: 200,
      type: expect.stringMatching(/^text\/event-stream/),
    });
    expect((await openStream(ui(`/api/events?ticket=${ticket}`))).status).toBe(401);
    expect((await openStream(ui('/api/events?ticket=made-up'))).status).toBe(401);
  });

  it('opens nothing but the event stream', async () => {
    const ticket = await newTicket();
    expect((await request(ui(`/api/status?ticket=${ticket}`))).status).toBe(401);
    expect(await openStream(ui(`/api/events?ticket=${ticket}`))).toMatchObject({ status: 200 });
  });

  it('the token itself is refused in a URL, even on the event stream', async () => {
    expect((await openStream(ui(`/api/events?token=${TEST_TOKEN}`))).status).toBe(401);
    expect((await request(ui(`/api/status?token=${TEST_TOKEN}`))).status).toBe(401);
  });
});

describe('stream tickets', () => {
  it('work once, for the device they were given to, until they expire', () => {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const tickets = new StreamTickets(() => now);
    const first = tickets.issue('laptop');
    expect(first.expiresAt).toBe('2026-05-01T10:01:00.000Z');
    expect(tickets.redeem(first.ticket)).toBe('laptop');
    expect(tickets.redeem(first.ticket)).toBeNull();

    const late = tickets.issue('laptop');
    now += TICKET_TTL_MS;
    expect(tickets.redeem(late.ticket)).toBeNull();

    const revoked = tickets.issue('phone');
    const kept = tickets.issue('laptop');
    tickets.forget('phone');
    expect(tickets.redeem(revoked.ticket)).toBeNull();
    expect(tickets.redeem(kept.ticket)).toBe('laptop');
  });

  it('are unguessable and distinct', () => {
    const tickets = new StreamTickets();
    const issued = Array.from({ length: 100 }, () => tickets.issue('local').ticket);
    expect(new Set(issued).size).toBe(100);
    for (const ticket of issued) expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
