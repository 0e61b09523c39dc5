// Transport-level bad inputs against the receiver: other methods and paths, path tricks, wrong secrets, oversized
// headers, conflicting framing, pipelining. Each row: exact statuses and exact store effect. (P4, P5)

import { type BadInput, FEED, NOTHING, runBadInputs } from './helpers/bad-input-table.js';
import { SECRET } from './helpers/engine-harness.js';
import { itemJson, post, send, uniqueId } from './helpers/postbacks.js';
import { httpRequest, rawExchange } from './helpers/raw-socket.js';

const route = `/postback/${SECRET}`;
const json = { 'Content-Type': 'application/json' };

/** One request over a bare socket (for targets and headers an HTTP client would fix up). */
async function raw(port: number, text: string | Buffer): Promise<number[]> {
  return (await rawExchange(port, [text])).statuses;
}

const methods: BadInput[] = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'].map((method) => ({
  name: `${method} on the postback route`,
  send: (t) => send(t, method, route, method === 'TRACE' ? undefined : itemJson(uniqueId())),
  statuses: [404],
  effect: NOTHING,
}));

const paths: [string, string][] = [
  ['the root', '/'],
  ['the UI API path', '/api/status'],
  ['a path below the route', `${route}/extra`],
  ['a dot-dot segment', `/postback/../postback/${SECRET}`],
  ['an encoded dot-dot', `/postback/%2e%2e/postback/${SECRET}`],
  ['an encoded slash in the secret', `/postback/${SECRET}%2f..`],
  ['a doubled leading slash', `//postback/${SECRET}`],
  ['a doubled inner slash', `/postback//${SECRET}`],
  ['a backslash', `/postback\\${SECRET}`],
  ['no secret, with slash', '/postback/'],
  ['no secret, no slash', '/postback'],
  ['a secret one character short', `/postback/${SECRET.slice(0, -1)}`],
  ['a secret one character long', `/postback/${SECRET}x`],
  ['a prefix of the secret', `/postback/${SECRET.slice(0, 8)}`],
  ['the secret in other case', `/postback/${SECRET.toUpperCase()}`],
  ['the secret in the query', `/postback/?secret=${SECRET}`],
  ['an encoded NUL after the secret', `/postback/${SECRET}%00`],
];
const pathRows: BadInput[] = paths.map(([name, target]) => ({
  name: `POST to ${name}`,
  send: (t) => raw(t.port, httpRequest('POST', target, json, itemJson(uniqueId()))),
  statuses: [404],
  effect: NOTHING,
}));

const framing: BadInput[] = [
  {
    name: 'a 20 KB header',
    send: (t) => raw(t.port, httpRequest('POST', route, { ...json, 'X-Big': 'a'.repeat(20_000) }, itemJson('h1'))),
    statuses: [431],
    effect: NOTHING,
  },
  {
    name: '1,500 small headers',
    send: (t) => {
      const many = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`X-H${i}`, 'value']));
      return raw(t.port, httpRequest('POST', route, { ...json, ...many }, itemJson('h2')));
    },
    statuses: [431],
    effect: NOTHING,
  },
  {
    name: 'Content-Length and Transfer-Encoding together (request smuggling)',
    send: (t) => {
      const body = itemJson('smuggle');
      const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      const headers = { ...json, 'Content-Length': '4', 'Transfer-Encoding': 'chunked' };
      return raw(t.port, httpRequest('POST', route, headers, chunked));
    },
    statuses: [400],
    effect: NOTHING,
  },
  {
    name: 'two different Content-Length headers',
    send: (t) => {
      const body = itemJson('twolen');
      const text = `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nContent-Length: 5\r\n\r\n${body}`;
      return raw(t.port, text);
    },
    statuses: [400],
    effect: NOTHING,
  },
  {
    name: 'an invalid chunk size',
    send: (t) =>
      raw(t.port, httpRequest('POST', route, { ...json, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n')),
    statuses: [400],
    effect: NOTHING,
  },
  {
    name: 'a Content-Length larger than the body sent, then silence',
    send: async (t) => {
      const exchange = await rawExchange(
        t.port,
        [httpRequest('POST', route, { ...json, 'Content-Length': '500' }, '{"a"')],
        {
          waitMs: 300,
        },
      );
      return exchange.statuses; // still waiting for the body: no answer yet, nothing stored
    },
    statuses: [],
    effect: NOTHING,
  },
  {
    name: 'a garbage request line',
    send: (t) => raw(t.port, 'HELLO THERE\r\n\r\n'),
    statuses: [400],
    effect: NOTHING,
  },
  {
    name: 'a control character in a header value',
    send: (t) => raw(t.port, httpRequest('POST', route, { ...json, 'X-Bad': 'a\u0001b' }, itemJson('ctl'))),
    statuses: [400],
    effect: NOTHING,
  },
  {
    name: 'two pipelined postbacks on one connection, answered in order',
    send: async (t) => {
      const first = httpRequest('POST', route, json, itemJson(uniqueId('pipe')), true);
      const second = httpRequest('POST', route, json, itemJson(uniqueId('pipe')));
      return (await rawExchange(t.port, [first + second])).statuses;
    },
    statuses: [200, 200],
    effect: { records: 2, feed: 2, quarantined: 0 },
  },
  {
    name: 'a pipelined postback followed by a request for another path',
    send: async (t) => {
      const first = httpRequest('POST', route, json, itemJson(uniqueId('pipe')), true);
      return (await rawExchange(t.port, [first + httpRequest('GET', '/api/status')])).statuses;
    },
    statuses: [200, 404],
    effect: FEED,
  },
  {
    name: 'an HTTP/1.0 GET postback',
    send: (t) => raw(t.port, `GET ${route}?catalog_id=77&item_id=${uniqueId('h10')}&price=3 HTTP/1.0\r\n\r\n`),
    statuses: [200],
    effect: FEED,
  },
  {
    name: 'a trailing slash after the secret (the same route)',
    send: (t) => post(t, itemJson(uniqueId('slash')), json, `${route}/`),
    statuses: [200],
    effect: FEED,
  },
];

const rows = [...methods, ...pathRows, ...framing];
runBadInputs('receiver transport', rows);
