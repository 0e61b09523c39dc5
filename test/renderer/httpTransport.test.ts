import { describe, expect, it, vi } from 'vitest';
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

  it('opens one EventSource with ?token= and passes well-formed named events on as UiEvents', () => {
    const listeners: Record<string, (message: MessageEvent) => void> = {};
    const close = vi.fn();
    const open = vi.fn((_url: string) => ({
      addEventListener: (name: string, listener: (message: MessageEvent) => void) => {
        listeners[name] = listener;
      },
      close,
    }));
    const stream = createEventStream(() => '/api/events?token=abc', open as unknown as (u: string) => EventSource);
    const got: unknown[] = [];
    const stopA = stream.subscribe((event) => got.push(event));
    const stopB = stream.subscribe(() => {});
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('/api/events?token=abc');
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
    // a dropped and re-opened stream asks for a catch-up
    const reopened = vi.fn();
    stream.onReopen(reopened);
    listeners.open?.(new MessageEvent('open'));
    expect(reopened).not.toHaveBeenCalled();
    listeners.error?.(new MessageEvent('error'));
    listeners.open?.(new MessageEvent('open'));
    expect(reopened).toHaveBeenCalledTimes(1);
    stopA();
    expect(close).not.toHaveBeenCalled();
    stopB();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('tracks whether the stream is up: a drop is "connecting", a failed retry "unreachable" since the drop', () => {
    vi.useFakeTimers();
    const sources: FakeSource[] = [];
    const stream = createEventStream(
      () => '/api/events?token=t',
      (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source as unknown as EventSource;
      },
    );
    const seen: unknown[] = [];
    stream.connection.subscribe((connection) => seen.push(connection));
    stream.subscribe(() => {});
    expect(stream.connection.get()).toEqual({ state: 'connecting', since: null });
    sources[0]?.fire('open');
    vi.setSystemTime(new Date('2026-01-15T10:32:00Z'));
    sources[0]?.fire('error'); // the hub restarted: the browser retries by itself
    sources[0]?.fire('error');
    sources[0]?.fire('open');
    expect(seen).toEqual([
      { state: 'live', since: null },
      { state: 'connecting', since: '2026-01-15T10:32:00.000Z' },
      { state: 'unreachable', since: '2026-01-15T10:32:00.000Z' },
      { state: 'live', since: null },
    ]);
    expect(sources).toHaveLength(1);

    // an answer the browser gives up on (a proxy's 502): a new EventSource later, not never
    const first = sources[0] as FakeSource;
    first.readyState = 2;
    first.fire('error');
    vi.advanceTimersByTime(2_000);
    expect(sources).toHaveLength(2);
    expect(sources[0]?.closed).toBe(true);
    expect(sources[1]?.url).toBe('/api/events?token=t');
    vi.useRealTimers();
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
  fire(name: string): void {
    for (const listener of this.listeners.get(name) ?? []) listener(new MessageEvent(name));
  }
}
