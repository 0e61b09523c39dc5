// The table of bad UI API requests: wrong types, unknown and prototype keys, out-of-range numbers, huge lists, 1 MB
// strings and wrong nesting, for every method. `field` is how the refusal must begin (the field it names).
import type { UiCall } from './ui-api-request.js';

export interface BadRequest {
  name: string;
  call: UiCall;
  field: string;
}

const MB = 'x'.repeat(1024 * 1024);
const target = { catalogId: '77', catalogItemId: 'seed-2' };
const rules = [{ kind: 'price-change' }];
const raw = { query: '', body: '{"CatalogId":"1","CatalogItemId":"A"}' };

const row = (name: string, call: UiCall, field: string): BadRequest => ({ name, call, field });
const get = (method: UiCall['method'], query: string, field: string, name = query) =>
  row(name, { method, query }, field);
const send = (method: UiCall['method'], name: string, body: unknown, field: string) =>
  row(name, { method, body }, field);
const rawBody = (method: UiCall['method'], name: string, text: string, field: string) =>
  row(name, { method, raw: text }, field);
const settings = (name: string, body: unknown, field: string) => send('updateSettings', name, body, field);
const watch = (name: string, body: unknown, field: string) => send('createWatch', name, body, field);

export const BAD_REQUESTS: BadRequest[] = [
  // methods without input take none
  get('status', 'verbose=1', 'verbose'),
  get('setup', 'format=text', 'format'),
  get('listWatches', 'all=1', 'all'),
  get('quarantine', 'limit=5', 'limit'),
  get('getSettings', 'section=receiver', 'section'),
  send('reprocessQuarantine', 'ids it does not take', { ids: ['1'] }, 'ids'),
  send('regenerateSecret', 'a secret of its own', { secret: 'mine' }, 'secret'),
  get('previewRetention', 'historyPerProduct=1', 'historyPerProduct'),
  get('previewRetention', 'feedEntries=abc', 'feedEntries'),
  send('acknowledgeUrlChange', 'a URL of its own', { url: 'http://x' }, 'url'),

  // feed (a query string: every value arrives as text)
  get('feed', 'limit=abc', 'limit'),
  get('feed', 'limit=0', 'limit'),
  get('feed', 'limit=201', 'limit'),
  get('feed', 'limit=1.5', 'limit'),
  get('feed', 'limit=99999999999', 'limit'),
  get('feed', 'filter=everything', 'filter'),
  get('feed', `q=${'a'.repeat(201)}`, 'q', 'a 201-character search'),
  get('feed', 'q=a&q=b', 'q', 'q given twice (a list)'),
  get('feed', `before=${'9'.repeat(41)}`, 'before', 'a 41-character entry id'),
  get('feed', 'sort=asc', 'sort'),
  get('feed', '__proto__=x', '__proto__'),
  get('feed', 'constructor=x', 'constructor'),

  // exportFeed (a query string, like the feed's)
  get('exportFeed', 'filter=everything', 'filter'),
  get('exportFeed', `q=${'a'.repeat(201)}`, 'q', 'a 201-character search'),
  get('exportFeed', 'limit=5', 'limit'),

  // markRead
  send('markRead', 'ids as a string', { ids: '1' }, 'ids'),
  send('markRead', 'ids as numbers', { ids: [1, 2] }, 'ids[0]'),
  send('markRead', '10,001 ids', { ids: Array.from({ length: 10_001 }, (_, i) => String(i)) }, 'ids'),
  send('markRead', 'an id of 1 MB', { ids: [MB] }, 'ids[0]'),
  send('markRead', 'all as text', { all: 'yes' }, 'all'),
  send('markRead', 'an unknown key', { everything: true }, 'everything'),
  send('markRead', 'a list instead of an object', [{ all: true }], 'The request'),
  send('markRead', 'a filter that is no feed filter', { all: true, filter: { filter: 'unread' } }, 'filter.filter'),
  send('markRead', 'a filter with a key the feed has not', { all: true, filter: { sort: 'asc' } }, 'filter.sort'),
  send('markRead', 'a 201-character search', { all: true, filter: { q: 'a'.repeat(201) } }, 'filter.q'),

  // undoMarkRead
  send('undoMarkRead', 'no id', {}, 'id'),
  send('undoMarkRead', 'an id of 1 MB', { id: MB }, 'id'),
  send('undoMarkRead', 'ids instead of an id', { ids: ['u1'] }, 'id'),

  // dismissQuarantine
  send('dismissQuarantine', 'ids as a string', { ids: '12' }, 'ids'),
  send('dismissQuarantine', 'an id that is no entry id', { ids: ['abc'] }, 'ids[0]'),
  send('dismissQuarantine', '1,001 ids', { ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)) }, 'ids'),
  send('dismissQuarantine', 'all as a flag it does not take', { all: true }, 'all'),

  // dismissQuarantine
  send('dismissQuarantine', 'ids as a string', { ids: '12' }, 'ids'),
  send('dismissQuarantine', 'an id that is no entry id', { ids: ['abc'] }, 'ids[0]'),
  send('dismissQuarantine', '1,001 ids', { ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)) }, 'ids'),
  send('dismissQuarantine', 'all as a flag it does not take', { all: true }, 'all'),

  // product
  row('a key without a colon', { method: 'product', params: { key: 'nocolon' } }, 'key'),
  row('the key __proto__', { method: 'product', params: { key: '__proto__' } }, 'key'),
  row('a catalog id that is not a number', { method: 'product', params: { key: 'abc:1' } }, 'key'),
  row('a key of 300 characters', { method: 'product', params: { key: `1:${'k'.repeat(298)}` } }, 'key'),
  row('an extra query field', { method: 'product', query: 'with=history' }, 'with'),

  // exportHistory
  row('an export of a key without a colon', { method: 'exportHistory', params: { key: 'nocolon' } }, 'key'),
  row(
    'an export with an extra query field',
    { method: 'exportHistory', params: { key: '1:A' }, query: 'format=xlsx' },
    'format',
  ),

  // createWatch
  watch('nothing', {}, 'target'),
  watch('a target that is a number', { target: 5, rules }, 'target'),
  watch('a catalog id that is not a number', { target: { ...target, catalogId: 'abc' }, rules }, 'target.catalogId'),
  watch('an empty item id', { target: { ...target, catalogItemId: '' }, rules }, 'target.catalogItemId'),
  watch('an item id of 1 MB', { target: { ...target, catalogItemId: MB }, rules }, 'target.catalogItemId'),
  watch('an extra target key', { target: { ...target, shop: 'x' }, rules }, 'target.shop'),
  watch('rules as text', { target, rules: 'all' }, 'rules'),
  watch('no rules', { target, rules: [] }, 'rules'),
  watch('1,000 rules', { target, rules: Array.from({ length: 1000 }, () => ({ kind: 'removed' })) }, 'rules'),
  watch('a repeated rule kind', { target, rules: [{ kind: 'removed' }, { kind: 'removed' }] }, 'rules[1].kind'),
  watch('price-below without a value', { target, rules: [{ kind: 'price-below' }] }, 'rules[0].value'),
  watch('price-drop-pct of 150', { target, rules: [{ kind: 'price-drop-pct', value: 150 }] }, 'rules[0].value'),
  watch('a value as text', { target, rules: [{ kind: 'price-below', value: '30' }] }, 'rules[0].value'),
  watch('an unknown rule kind', { target, rules: [{ kind: 'teleport' }] }, 'rules[0].kind'),
  watch('an extra rule key', { target, rules: [{ kind: 'removed', note: 'x' }] }, 'rules[0].note'),
  watch('muted as text', { target, rules, muted: 'no' }, 'muted'),
  watch('an unknown key', { target, rules, owner: 'me' }, 'owner'),
  watch('wrapped in another object', { watch: { target, rules } }, 'target'),
  rawBody(
    'createWatch',
    'a __proto__ key',
    `{"__proto__":{"muted":true},"target":${JSON.stringify(target)},"rules":${JSON.stringify(rules)}}`,
    '__proto__',
  ),

  // updateWatch (the id comes from the path)
  send('updateWatch', 'muted as a number', { muted: 1 }, 'muted'),
  send('updateWatch', 'a repeated rule kind', { rules: [{ kind: 'removed' }, { kind: 'removed' }] }, 'rules[1].kind'),
  send('updateWatch', 'rules as an object', { rules: { kind: 'removed' } }, 'rules'),
  send('updateWatch', 'an unknown key', { name: 'x' }, 'name'),
  rawBody('updateWatch', 'a __proto__ key', '{"__proto__":{"muted":true}}', '__proto__'),
  row(
    'an id of 101 characters',
    { method: 'updateWatch', params: { id: 'w'.repeat(101) }, body: { muted: true } },
    'id',
  ),

  // deleteWatch
  row('an unknown key', { method: 'deleteWatch', body: { force: true } }, 'force'),
  row('an id of 101 characters', { method: 'deleteWatch', params: { id: 'w'.repeat(101) } }, 'id'),

  // updateSettings
  settings('receiver as a number', { receiver: 5 }, 'receiver'),
  settings('retention as a number', { retention: 5 }, 'retention'),
  settings('toString', { toString: 5 }, 'toString'),
  rawBody('updateSettings', '__proto__', '{"__proto__":{"launchAtLogin":false}}', '__proto__'),
  settings('constructor', { constructor: { prototype: { launchAtLogin: false } } }, 'constructor'),
  settings('feed entries below the range', { retention: { feedEntries: 99 } }, 'retention.feedEntries'),
  settings('feed entries above the range', { retention: { feedEntries: 5_000_001 } }, 'retention.feedEntries'),
  settings('a fractional history length', { retention: { historyPerProduct: 2.5 } }, 'retention.historyPerProduct'),
  settings('journal days above the range', { retention: { journalDays: 366 } }, 'retention.journalDays'),
  rawBody('updateSettings', 'feed entries of 1e400', '{"retention":{"feedEntries":1e400}}', 'retention.feedEntries'),
  settings(
    'a negative digest window',
    { notifications: { digestWindowSeconds: -1 } },
    'notifications.digestWindowSeconds',
  ),
  settings(
    'a digest window of 3,601 s',
    { notifications: { digestWindowSeconds: 3601 } },
    'notifications.digestWindowSeconds',
  ),
  settings(
    'quiet hours without an end',
    { notifications: { quietHours: { start: '22:00' } } },
    'notifications.quietHours.end',
  ),
  settings('quiet hours as text', { notifications: { quietHours: '22:00-07:00' } }, 'notifications.quietHours'),
  settings('enabled as text', { notifications: { enabled: 'true' } }, 'notifications.enabled'),
  settings('sound as null', { notifications: { sound: null } }, 'notifications.sound'),
  settings('a port above 65,535', { receiver: { port: 70_000 } }, 'receiver.port'),
  settings('a port as text', { receiver: { port: '8787' } }, 'receiver.port'),
  settings('a host with spaces', { receiver: { host: 'evil host!' } }, 'receiver.host'),
  settings('a host of 1 MB', { receiver: { host: MB } }, 'receiver.host'),
  settings('a header value of 1 MB', { receiver: { headerValue: MB } }, 'receiver.headerValue'),
  settings('a mapping to an unknown field', { mapping: { artikel: 'sku' } }, 'mapping.artikel'),
  settings(
    'a mapping of 300 entries',
    { mapping: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'name'])) },
    'mapping',
  ),
  settings('a mapping as a list', { mapping: ['catalogItemId'] }, 'mapping'),
  settings('a mapping key of 1 MB', { mapping: { [MB]: 'name' } }, `mapping.${'x'.repeat(40)}…`),
  settings('launchAtLogin as a number', { launchAtLogin: 1 }, 'launchAtLogin'),
  settings('a pause until "tomorrow"', { alertsPausedUntil: 'tomorrow' }, 'alertsPausedUntil'),
  settings('a pause as a number', { alertsPausedUntil: 12345 }, 'alertsPausedUntil'),
  settings('wrapped in a settings object', { settings: { launchAtLogin: true } }, 'settings'),
  settings('a list of patches', [{ launchAtLogin: true }], 'The request'),

  // previewMapping
  send('previewMapping', 'nothing', {}, 'raw'),
  send('previewMapping', 'a raw request without a query', { raw: { body: '{}' }, mapping: {} }, 'raw.query'),
  send('previewMapping', 'a body of 1 MB', { raw: { query: '', body: MB }, mapping: {} }, 'raw.body'),
  send('previewMapping', 'a body that is a number', { raw: { query: '', body: 5 }, mapping: {} }, 'raw.body'),
  send(
    'previewMapping',
    'a header that is a number',
    { raw: { ...raw, headers: { a: 5 } }, mapping: {} },
    'raw.headers.a',
  ),
  send('previewMapping', 'a mapping to an unknown field', { raw, mapping: { a: 'bogus' } }, 'mapping.a'),
  send(
    'previewMapping',
    'a mapping as a huge list',
    { raw, mapping: Array.from({ length: 100_000 }, () => 'name') },
    'mapping',
  ),
  send('previewMapping', 'an unknown key', { raw, mapping: {}, save: true }, 'save'),

  // devices (admin methods of a hub)
  send('addDevice', 'a name that is a number', { name: 5 }, 'name'),
  send('addDevice', 'a name of 1 MB', { name: MB }, 'name'),
  send('addDevice', 'a token of its own', { name: 'Laptop', token: 'mine' }, 'token'),
  get('listDevices', 'all=1', 'all'),
  row('a device id of 1 MB', { method: 'revokeDevice', params: { id: 'x'.repeat(1000) } }, 'id'),

  // impact.com account, catalogs, search, catch-up check
  get('getImpactAccount', 'token=1', 'token'),
  get('listCatalogs', 'all=1', 'all'),
  row(
    'an account SID with spaces',
    { method: 'connectImpactAccount', body: { accountSid: 'IR a b', authToken: 'x'.repeat(20) } },
    'accountSid',
  ),
  row('no token', { method: 'connectImpactAccount', body: { accountSid: 'IRabc12345' } }, 'authToken'),
  row(
    'a token of 1 MB',
    { method: 'connectImpactAccount', body: { accountSid: 'IRabc12345', authToken: MB } },
    'authToken',
  ),
  row('a password field', { method: 'disconnectImpactAccount', body: { password: 'x' } }, 'password'),
  get('searchCatalog', 'catalogId=abc', 'catalogId'),
  get('searchCatalog', `q=${'x'.repeat(300)}`, 'q', 'a 300-character search'),
  send('reconcile', 'keys that are not product keys', { keys: ['nope'] }, 'keys[0]'),

  // the partner's sites and pages (issue 18)
  get('listSites', 'all=1', 'all'),
  send('addSite', 'no address', {}, 'url'),
  send('addSite', 'an ftp address', { url: 'ftp://blog.test/sitemap.xml' }, 'url'),
  send('addSite', 'a javascript: address', { url: 'javascript:alert(1)' }, 'url'),
  send('addSite', 'an address of 1 MB', { url: `https://blog.test/${MB}` }, 'url'),
  send('addSite', 'an unknown key', { url: 'https://blog.test/', kind: 'page' }, 'kind'),
  row('a site id of 1 MB', { method: 'deleteSite', params: { id: 'x'.repeat(1000) } }, 'id'),
  send('scanSites', 'a site it does not take', { site: 's1' }, 'site'),
  get('listPages', 'attention=yes', 'attention'),
  get('listPages', 'limit=0', 'limit'),
  get('listPages', `q=${'a'.repeat(201)}`, 'q', 'a 201-character search'),
  get('listPages', 'sort=title', 'sort'),
  get('pageLinks', '', 'url', 'no page address'),
  get('pageLinks', `url=${'x'.repeat(2001)}`, 'url', 'a 2,001-character address'),
  send('reconcile', '20,000 keys', { keys: Array.from({ length: 20_000 }, (_, i) => `1:${i}`) }, 'keys'),

  // alert channels (admin methods of a hub)
  get('listChannels', 'secrets=1', 'secrets'),
  send('createChannel', 'no URL', { name: 'Team' }, 'url'),
  send('createChannel', 'a URL of 1 MB', { name: 'Team', url: MB }, 'url'),
  send('createChannel', 'an empty name', { name: ' ', url: 'json://127.0.0.1:9/x' }, 'name'),
  send(
    'createChannel',
    'a digest over a day',
    { name: 'T', url: 'json://127.0.0.1:9/x', digestSeconds: 86_401 },
    'digestSeconds',
  ),
  send(
    'createChannel',
    'a negative digest',
    { name: 'T', url: 'json://127.0.0.1:9/x', digestSeconds: -1 },
    'digestSeconds',
  ),
  send(
    'createChannel',
    'a rule kind that does not exist',
    { name: 'T', url: 'json://127.0.0.1:9/x', filter: { kinds: ['sale'] } },
    'filter.kinds[0]',
  ),
  send(
    'createChannel',
    'a brand that is not a number',
    { name: 'T', url: 'json://127.0.0.1:9/x', filter: { campaignIds: ['Acme'] } },
    'filter.campaignIds[0]',
  ),
  send('updateChannel', 'enabled as text', { enabled: 'yes' }, 'enabled'),
  send('updateChannel', 'a new URL (a channel keeps its own)', { url: 'json://127.0.0.1:9/x' }, 'url'),
  row('a channel id of 1 MB', { method: 'deleteChannel', params: { id: 'x'.repeat(1000) } }, 'id'),
  row('a channel id of 1 MB', { method: 'testChannel', params: { id: 'x'.repeat(1000) } }, 'id'),
  // backups (admin methods)
  get('listBackups', 'all=1', 'all'),
  send('backUpNow', 'a folder of its own', { folder: '/tmp/elsewhere' }, 'folder'),
];
