import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHttp } from '../../renderer/src/api/client.js';
import { createEventStream } from '../../renderer/src/api/eventStream.js';
import { createHttpApi } from '../../renderer/src/api/httpApi.js';
import { takeUiToken } from '../../renderer/src/api/uiToken.js';
import { ApiError } from '../../shared/contract/errors.js';
import { buildRequest } from '../../shared/contract/http.js';
import { makeEntry, makeStatus, makeWatch } from '../fakes/ui-data.js';

function fakeFetch(answer: { status?: number; body?: unknown } = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? '{}' : JSON.stringify(answer.body), { status });
  };
  return { fetch, calls };
}

describe('HTTP transport', () => {
  it('fills :key URL-encoded and sends GET fields as a query string', () => {
    expect(buildRequest('product', { key: '7001:ABC/12 3' })).toEqual({
      url: '/api/products/7001%3AABC%2F12%203',
      method: 'GET',
    });
    expect(buildRequest('feed', { limit: 50, before: 'e9', filter: 'alerts', q: 'red shoe' })).toEqual({
      url: '/api/feed?limit=50&before=e9&filter=alerts&q=red+shoe',
      method: 'GET',
    });
    expect(buildRequest('feed', { limit: 50, q: undefined })).toEqual({ url: '/api/feed?limit=50', method: 'GET' });
    expect(buildRequest('status', undefined)).toEqual({ url: '/api/status', method: 'GET' });
  });

  it('sends other verbs with a JSON body of the remaining fields', () => {
    expect(buildRequest('updateWatch', { id: 'w 1', muted: true })).toEqual({
      url: '/api/watches/w%201',
      method: 'PATCH',
      body: '{"muted":true}',
    });
    expect(buildRequest('deleteWatch', { id: 'w1' })).toEqual({ url: '/api/watches/w1', method: 'DELETE' });
    expect(buildRequest('markRead', { all: true })).toEqual({
      url: '/api/feed/read',
      method: 'POST',
      body: '{"all":true}',
    });
    expect(buildRequest('regenerateSecret', undefined)).toEqual({ url: '/api/settings/secret', method: 'POST' });
  });

  it('sends the bearer token and returns the JSON answer', async () => {
    const answer = makeWatch({ id: 'w1', muted: true });
    const { fetch, calls } = fakeFetch({ body: answer });
    const api = createHttpApi({ token: 't0ken', fetch });
    const watch = await api.updateWatch({ id: 'w1', rules: [{ kind: 'price-below', value: 20 }] });
    expect(watch).toEqual(answer);
    expect(calls[0]?.url).toBe('/api/watches/w1');
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(calls[0]?.init.body).toBe('{"rules":[{"kind":"price-below","value":20}]}');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer t0ken', 'Content-Type': 'application/json' });
  });

  it('refuses an answer that is not what this page can show, and says to reload', async () => {
    const { fetch } = fakeFetch({ body: { id: 'w1', muted: true } });
    const api = createHttpApi({ token: 't', fetch });
    await expect(api.updateWatch({ id: 'w1', muted: true })).rejects.toThrow(
      /^Shelfwatch's answer to updateWatch is not what this page expects \(target: .+\)\. Reload the page/,
    );
    const status = fakeFetch({ body: { ...makeStatus(), unread: '3' } });
    await expect(createHttpApi({ token: 't', fetch: status.fetch }).status(undefined)).rejects.toThrow(/\(unread: /);
  });

  it("throws the server's error message", async () => {
    const { fetch } = fakeFetch({ status: 404, body: { error: 'No such product 1:x' } });
    const api = createHttpApi({ token: 't', fetch });
    await expect(api.product({ key: '1:x' })).rejects.toThrow('No such product 1:x');
    await expect(api.product({ key: '1:x' })).rejects.toEqual(new ApiError(404, 'No such product 1:x'));
    await expect(api.product({ key: '1:x' })).rejects.toMatchObject({ status: 404 });
    const unauthorized = createHttpApi({ token: null, fetch: async () => new Response('nope', { status: 401 }) });
    await expect(unauthorized.status(undefined)).rejects.toThrow(/Not authorized/);
  });

  it('takes the token from the URL fragment once, keeps it for the session and strips it', () => {
    window.history.replaceState(null, '', '/index.html#token=s%2Fecret');
    expect(takeUiToken(window)).toBe('s/ecret');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/index.html');
    expect(sessionStorage.getItem('shelfwatch.uiToken')).toBe('s/ecret');
    // a reload (no fragment any more) still has it
    expect(takeUiToken(window)).toBe('s/ecret');
  });

  it('opens one EventSource with the URL it is given and passes well-formed named events on as UiEvents', async () => {
    const listeners: Record<string, (message: MessageEvent) => void> = {};
    const close = vi.fn();
    const open = vi.fn((_url: string) => ({
      addEventListener: (name: string, listener: (message: MessageEvent) => void) => {
        listeners[name] = listener;
      },
      close,
    }));
    const stream = createEventStream(
      async () => '/api/events?ticket=abc',
      open as unknown as (u: string) => EventSource,
    );
    const got: unknown[] = [];
    const stopA = stream.subscribe((event) => got.push(event));
    const stopB = stream.subscribe(() => {});
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith('/api/events?ticket=abc');
    const status = makeStatus({}, { unread: 2 });
    const entry = makeEntry();
    listeners.status?.(new MessageEvent('status', { data: JSON.stringify({ type: 'status', status }) }));
    listeners.feed?.(new MessageEvent('feed', { data: 'not json' }));
    listeners.feed?.(new MessageEvent('feed', { data: JSON.stringify({ entries: [{ ...entry, product: null }] }) }));
    listeners.status?.(new MessageEvent('status', { data: JSON.stringify({ status: { unread: 2 } }) }));
    listeners.alert?.(new MessageEvent('alert', { data: JSON.stringify({ entries: [entry] }) }));
    expect(got).toEqual([
      { type: 'status', status },
      { type: 'alert', entries: [entry] },
    ]);
    stopA();
    expect(close).not.toHaveBeenCalled();
    stopB();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('on a drop: closes the stream (its ticket is spent), opens a new one with a new ticket after the last id seen, and asks for a catch-up', async () => {
    vi.useFakeTimers();
    const sources: FakeSource[] = [];
    const asked: (string | null)[] = [];
    let tickets = 0;
    const stream = createEventStream(
      async (after) => {
        asked.push(after);
        return `/api/events?ticket=t${++tickets}${after ? `&after=${after}` : ''}`;
      },
      (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source as unknown as EventSource;
      },
    );
    const seen: unknown[] = [];
    const reopened = vi.fn();
    stream.onReopen(reopened);
    stream.connection.subscribe((connection) => seen.push(connection));
    stream.subscribe(() => {});
    await vi.waitFor(() => expect(sources).toHaveLength(1));
    expect(stream.connection.get()).toEqual({ state: 'connecting', since: null });
    sources[0]?.fire('open');
    sources[0]?.fire('live', '41');
    sources[0]?.fire('feed', '42.199');
    vi.setSystemTime(new Date('2026-01-15T10:32:00Z'));
    sources[0]?.fire('error'); // the hub restarted
    expect(sources[0]?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000); // the quick retry: at most the base delay
    expect(sources.map((source) => source.url)).toEqual([
      '/api/events?ticket=t1',
      '/api/events?ticket=t2&after=42.199',
    ]);
    expect(asked).toEqual([null, '42.199']);
    sources[1]?.fire('error'); // still down: now it counts as unreachable, since the drop
    await vi.advanceTimersByTimeAsync(4_000);
    sources[2]?.fire('open');
    expect(seen).toEqual([
      { state: 'live', since: null },
      { state: 'connecting', since: '2026-01-15T10:32:00.000Z' },
      { state: 'unreachable', since: '2026-01-15T10:32:00.000Z' },
      { state: 'live', since: null },
    ]);
    expect(reopened).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('a ticket that cannot be had (the hub is down) is retried with backoff, not given up on', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const stream = createEventStream(
      async () => {
        calls++;
        throw new ApiError(502, 'down');
      },
      () => {
        throw new Error('not opened without a ticket');
      },
    );
    stream.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(stream.connection.get().state).toBe('unreachable');
    await vi.advanceTimersByTimeAsync(2_000 + 4_000);
    expect(calls).toBe(3);
    vi.useRealTimers();
  });
});

describe("the browser face's URLs", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    sessionStorage.clear();
  });

  it('never carry the token: the event stream opens with a single-use ticket asked for in a header', async () => {
    vi.useFakeTimers();
    const TOKEN = 'long-lived-t0ken-0123456789';
    window.history.replaceState(null, '', `/#token=${TOKEN}`);
    const requested: { url: string; init?: RequestInit }[] = [];
    let ticket = 0;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      requested.push({ url, init });
      const answers: Record<string, () => unknown> = {
        '/api/events/ticket': () => ({ ticket: `k${++ticket}`, expiresAt: '2026-01-15T10:33:00Z' }),
        '/api/status': () => makeStatus(),
        '/api/feed?limit=50': () => ({ items: [], next: null, total: 0 }),
      };
      return new Response(JSON.stringify(answers[url]?.() ?? {}), { status: 200 });
    });
    const sources: FakeSource[] = [];
    vi.stubGlobal(
      'EventSource',
      class extends FakeSource {
        constructor(url: string) {
          super(url);
          sources.push(this);
        }
      },
    );
    const client = fromHttp();
    client.subscribe(() => {});
    await client.api.status(undefined);
    await client.api.feed({ limit: 50 });
    await vi.waitFor(() => expect(sources).toHaveLength(1));
    sources[0]?.fire('open');
    sources[0]?.fire('feed', '9');
    sources[0]?.fire('error');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sources).toHaveLength(2);

    const urls = [...requested.map((request) => request.url), ...sources.map((source) => source.url)];
    expect(urls.filter((url) => url.includes(TOKEN))).toEqual([]);
    expect(sources.map((source) => source.url)).toEqual(['/api/events?ticket=k1', '/api/events?ticket=k2&after=9']);
    const ticketRequests = requested.filter((request) => request.url === '/api/events/ticket');
    expect(ticketRequests).toHaveLength(2);
    for (const request of ticketRequests) {
      expect(request.init).toMatchObject({ method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    }
  });
});

class FakeSource {
  readyState = 1;
  closed = false;
  private readonly listeners = new Map<string, Array<(message: MessageEvent) => void>>();
  constructor(readonly url: string) {}
  addEventListener(name: string, listener: (message: MessageEvent) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  /** `id`: the message's event id (its data is a feed batch with nothing in it) */
  fire(name: string, id?: string): void {
    const message = new MessageEvent(name, id === undefined ? {} : { lastEventId: id, data: '{"entries":[]}' });
    for (const listener of this.listeners.get(name) ?? []) listener(message);
  }
}
