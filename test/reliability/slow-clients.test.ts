// Slow-loris clients: headers or a body trickled one byte at a time must not hold a connection past the receiver's
// timeouts, and nothing of them is stored. (P4: a slow sender cannot pin the receiver.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIVER_TIMEOUTS } from '../../main/engine/receiver/listen.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { journalRecords, SECRET, startEngine, type TestEngine } from './helpers/engine-harness.js';
import { rawExchange } from './helpers/raw-socket.js';

const temp = makeTempDir('shelfwatch-slow-');
let test: TestEngine;
beforeAll(async () => {
  // Shorter than in production so the suite stays fast; what is under test is that Node enforces them promptly.
  Object.assign(RECEIVER_TIMEOUTS, { headersMs: 1_500, requestMs: 3_000 });
  test = await startEngine(temp.dir);
});
afterAll(async () => {
  await test.close();
  temp.remove();
});

/** The text split into one-byte chunks. */
const bytes = (text: string) => [...text];
const SLACK_MS = 1_500;

describe('slow clients', () => {
  it.concurrent('slow headers are cut within the headers timeout (408 or close), nothing stored', async () => {
    const head = `POST /postback/${SECRET} HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X-Slow: a\r\n'.repeat(200)}`;
    const exchange = await rawExchange(test.port, bytes(head), { gapMs: 200, waitMs: 20_000 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.statuses.filter((status) => status !== 408)).toEqual([]);
    expect(exchange.elapsedMs).toBeLessThan(RECEIVER_TIMEOUTS.headersMs + SLACK_MS);
    expect(await journalRecords(temp.dir)).toBe(0);
  });

  it.concurrent('a slow body is cut within the request timeout (408 or close), nothing stored', async () => {
    const body = `{"catalog_id":"1","item_id":"SLOW","pad":"${'x'.repeat(300)}"}`;
    const head = `POST /postback/${SECRET} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const exchange = await rawExchange(test.port, [head, ...bytes(body)], { gapMs: 200, waitMs: 20_000 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.statuses.filter((status) => status !== 408)).toEqual([]);
    expect(exchange.elapsedMs).toBeLessThan(RECEIVER_TIMEOUTS.requestMs + SLACK_MS);
    expect(await journalRecords(temp.dir)).toBe(0);
  });
});
