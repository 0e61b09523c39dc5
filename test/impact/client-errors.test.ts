// What goes wrong talking to impact.com, and what the client makes of it: one error kind and a plain message each,
// retries only where a retry can help, and the token never in any error or log line.
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../main/engine/impact/errors.js';
import { ImpactApiError } from '../../main/engine/impact/index.js';
import { ACME, impactTestBedPerTest } from './impact-setup.js';

const bed = impactTestBedPerTest();

async function failure(work: Promise<unknown>): Promise<ImpactApiError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImpactApiError)) throw new Error(`expected an ImpactApiError, got ${String(error)}`);
  return error;
}

describe('impact.com client: refusals', () => {
  it('401: "impact.com refused these credentials", with impact.com’s message, not retried', async () => {
    const { fake, client } = bed();
    const error = await failure(client({ authToken: 'not-the-token' }).listCatalogs());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('impact.com refused these credentials: Invalid credentials');
    expect(error.status).toBe(401);
    expect(fake.requests).toHaveLength(1);
  });

  it('401 in XML reads the same', async () => {
    const { fake, client } = bed();
    fake.forceFormat('xml');
    const error = await failure(client({ authToken: 'not-the-token' }).listCatalogs());
    expect(error).toMatchObject({ kind: 'unauthorized', detail: 'Invalid credentials' });
  });

  it('403 for a scoped token: "this token may not read catalogs (403)"', async () => {
    const { fake, client } = bed();
    fake.setScopedToken('scoped-token-123');
    const error = await failure(client({ authToken: 'scoped-token-123' }).listCatalogs());
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/^this token may not read catalogs \(403\)/);
  });

  it('404 on a catalog listing is not-found (a single item or catalog is null instead)', async () => {
    const { client } = bed();
    const error = await failure(client().listCatalogItems('999'));
    expect(error).toMatchObject({ kind: 'not-found', detail: 'Resource not found' });
  });

  it('another 4xx is rejected, with impact.com’s field errors', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'status', status: 400, message: 'Invalid PageSize' });
    const error = await failure(client().listCatalogs());
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe('impact.com rejected the request (400): Invalid PageSize');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('impact.com client: failures worth retrying', () => {
  it('retries a 5xx and succeeds', async () => {
    const { fake, client, clock } = bed();
    fake.injectFault({ type: 'status', status: 503 });
    expect(await client().listCatalogs()).toHaveLength(2);
    expect(fake.requests.map((request) => request.status)).toEqual([503, 200]);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('gives up on 5xx after the allowed attempts: kind server', async () => {
    const { fake, client } = bed();
    for (let i = 0; i < 5; i++) fake.injectFault({ type: 'status', status: 500 });
    const error = await failure(client().listCatalogs());
    expect(error.kind).toBe('server');
    expect(error.message).toBe('impact.com had a server error (500): Injected 500');
    expect(fake.requests).toHaveLength(5);
  });

  it('a dropped connection is unreachable, and retried', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'drop' });
    expect(await client().listCatalogs()).toHaveLength(2);
    fake.injectFault({ type: 'drop' });
    const error = await failure(client({ maxAttempts: 1 }).listCatalogs());
    expect(error).toMatchObject({ kind: 'unreachable', message: 'impact.com cannot be reached' });
  });

  it('nothing listening is unreachable', async () => {
    const { fake, client } = bed();
    const baseUrl = fake.url;
    await fake.close();
    const error = await failure(client({ baseUrl, maxAttempts: 2 }).listCatalogs());
    expect(error).toMatchObject({ kind: 'unreachable', message: 'impact.com cannot be reached' });
  });

  it('an answer slower than the timeout is unreachable; the retry gets through', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'slow', delayMs: 2_000 });
    const error = await failure(client({ timeoutMs: 150, maxAttempts: 1 }).listCatalogs());
    expect(error).toMatchObject({ kind: 'unreachable', message: 'impact.com cannot be reached (no answer in time)' });
    fake.injectFault({ type: 'slow', delayMs: 2_000 });
    expect(await client({ timeoutMs: 150 }).listCatalogs()).toHaveLength(2);
  });
});

describe('impact.com client: the 15 s deadline', () => {
  it('aborts a request with no answer after 15 s by default, not before', async () => {
    const { client } = bed();
    // No network here, so faking the timers is safe: the deadline is a setTimeout in the client.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let aborted = false;
      let started: () => void = () => {};
      const asked = new Promise<void>((resolve) => {
        started = resolve;
      });
      const silentFetch: typeof fetch = (_url, init) =>
        new Promise((_resolve, reject) => {
          started();
          init?.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      const outcome = failure(client({ fetch: silentFetch, maxAttempts: 1 }).listCatalogs());
      await asked;
      await vi.advanceTimersByTimeAsync(14_999);
      expect(aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(aborted).toBe(true);
      expect(await outcome).toMatchObject({ kind: 'unreachable', message: MESSAGES.timeout });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('impact.com client: answers it cannot read', () => {
  it('a malformed JSON or XML body is bad-response, not retried', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'malformed' });
    expect(await failure(client().listCatalogs())).toMatchObject({ kind: 'bad-response', status: 200 });
    fake.forceFormat('xml');
    fake.injectFault({ type: 'malformed' });
    const error = await failure(client().listCatalogs());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/^impact.com sent an answer Shelfwatch cannot read: invalid XML/);
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses an answer over 10 MB, declared or streamed', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'huge', bytes: 11 * 1024 * 1024, declareLength: true });
    const declared = await failure(client().listCatalogs());
    expect(declared).toMatchObject({ kind: 'bad-response' });
    expect(declared.message).toContain('larger than 10 MB');
    fake.injectFault({ type: 'huge', bytes: 11 * 1024 * 1024 });
    const streamed = await failure(client().listCatalogs());
    expect(streamed.message).toContain('larger than 10 MB');
  });

  it('reads an answer just under the cap', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'huge', bytes: 1024 * 1024 });
    expect(await client({ maxResponseBytes: 1024 * 1024 }).listCatalogs()).toEqual([
      expect.objectContaining({ id: '1' }),
    ]);
  });

  it('a shape it does not expect is bad-response naming the field', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'raw', text: '{"Catalogs":"oops"}' });
    expect((await failure(client().listCatalogs())).message).toMatch(/unexpected Catalogs \(/);
    fake.injectFault({ type: 'raw', text: '{"Catalogs":[{"Id":"1","Name":{"nested":true}}]}' });
    expect((await failure(client().listCatalogs())).message).toMatch(/unexpected Catalogs\.0\.Name \(/);
    fake.injectFault({ type: 'raw', contentType: 'text/html', text: '<html><body>Sign in to Wi-Fi</body></html>' });
    expect((await failure(client().listCatalogs())).message).toMatch(/invalid XML|ImpactRadiusResponse/);
    fake.injectFault({ type: 'raw', contentType: 'text/plain', text: 'Service Unavailable' });
    expect((await failure(client().listCatalogs())).message).toContain('neither JSON nor XML');
  });

  it('tolerates what impact.com leaves out or adds: no list, unknown keys, numbers and booleans', async () => {
    const { fake, client } = bed();
    fake.injectFault({ type: 'raw', text: '{"@nextpageuri":""}' });
    expect(await client().listCatalogs()).toEqual([]);
    fake.injectFault({
      type: 'raw',
      text: '{"Catalogs":[{"Id":24836,"Name":"A","NumberOfItems":12,"Flag":true,"Extra":{"x":[1]},"Currency":null}]}',
    });
    expect(await client().listCatalogs()).toEqual([
      expect.objectContaining({ id: '24836', numberOfItems: 12, currency: '', dateLastUpdated: null }),
    ]);
  });
});

describe('impact.com client: the token stays secret', () => {
  it('never shows the token in an error, its detail, its stack, or a log line', async () => {
    const { fake, client, logs } = bed();
    const credentials = Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64');
    const errors: ImpactApiError[] = [];
    // impact.com (or a proxy) echoing what it was sent must not carry it into the UI.
    fake.injectFault({ type: 'status', status: 400, message: `bad token ${fake.authToken} / Basic ${credentials}` });
    errors.push(await failure(client().listCatalogs()));
    for (let i = 0; i < 2; i++)
      fake.injectFault({ type: 'status', status: 502, message: `upstream ${fake.authToken}` });
    errors.push(await failure(client({ maxAttempts: 2 }).listCatalogs()));
    fake.injectFault({ type: 'drop' });
    errors.push(await failure(client({ maxAttempts: 1 }).listCatalogs()));
    fake.injectFault({ type: 'malformed' });
    errors.push(await failure(client().listCatalogs()));
    errors.push(await failure(client({ authToken: 'wrong-secret-token-xyz' }).listCatalogs()));

    expect(errors.map((error) => error.kind)).toEqual([
      'rejected',
      'server',
      'unreachable',
      'bad-response',
      'unauthorized',
    ]);
    expect(errors[0]?.message).toContain('[redacted]');
    expect(logs.length).toBeGreaterThan(0);
    const everything = JSON.stringify([
      errors.map((error) => [error.message, error.detail, error.stack, String(error), JSON.stringify(error)]),
      logs,
    ]);
    for (const secret of [fake.authToken, credentials, 'wrong-secret-token-xyz']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('impact.com client: closing', () => {
  it('refuses waiting and later requests as cancelled', async () => {
    const { fake, client } = bed();
    fake.setLatency(50);
    const impact = client();
    const calls = [1, 2, 3, 4].map(() => impact.getCatalog(ACME));
    impact.close();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(await failure(impact.listCatalogs())).toMatchObject({ kind: 'cancelled' });
  });
});
