// Property tests of the tracking-link parser and matcher over generated impact.com links: however a page spells a
// link (parameter order, percent-encoding, host case, trailing slash, Sub IDs and click ids added), it is the same
// link, and a link that differs in what it points at (program, item, destination) is not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkKeys, matchLink, productKeys } from '../../../main/engine/pages/links/match-keys.js';
import { IMPACT_TRACKING_DOMAINS, parseTrackingLink } from '../../../main/engine/pages/links/tracking-link.js';
import { destinationKey } from '../../../main/engine/pages/links/web-url.js';

const RUNS = { seed: 18, numRuns: 400 };

const digits = fc.stringMatching(/^[1-9]\d{0,7}$/);
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
/** Text with what encodings disagree about: spaces, reserved characters, percent signs, non-ASCII. */
const awkward = fc
  .string({
    unit: fc.constantFrom('a', 'B', '7', '-', '_', '.', ' ', '&', '=', '%', '/', '?', '#', '+', ':', 'é', '✓'),
    minLength: 1,
    maxLength: 12,
  })
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

const impactHost = fc
  .tuple(word, fc.constantFrom(...IMPACT_TRACKING_DOMAINS))
  .map(([brand, domain]) => `${brand}.${domain}`);
const vanityHost = fc
  .tuple(fc.constantFrom('goto', 'go', 'shop'), word, fc.constantFrom('com', 'co.uk', 'test'))
  .map(([prefix, brand, tld]) => `${prefix}.${brand}.${tld}`);

const destination = fc
  .record({
    host: fc.tuple(word, fc.constantFrom('test', 'example')).map(([name, tld]) => `shop.${name}.${tld}`),
    path: fc.array(fc.oneof(word, awkward), { minLength: 1, maxLength: 3 }),
    params: fc.uniqueArray(fc.tuple(word, awkward), { maxLength: 3, selector: ([name]) => name }),
  })
  .filter(({ params }) =>
    params.every(([name]) => !/^(utm_|subid|sharedid|gclid|fbclid|msclkid|irgwc)|clickid$/.test(name)),
  );

const link = fc.record({
  host: fc.oneof(impactHost, vanityHost),
  partnerId: digits,
  adId: digits,
  programId: digits,
  sku: fc.option(awkward, { nil: undefined }),
  destination: fc.option(destination, { nil: undefined }),
  extra: fc.uniqueArray(fc.tuple(fc.constantFrom('intsrc', 'partnerpropertyid', 'veh'), word), {
    maxLength: 2,
    selector: ([name]) => name,
  }),
});
type Link = typeof link extends fc.Arbitrary<infer T> ? T : never;
type Destination = NonNullable<Link['destination']>;

/** How one page or tool may spell a value in a query: four encodings that all decode to the same text. */
const ENCODINGS: ((text: string) => string)[] = [
  encodeURIComponent,
  (text) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  (text) => encodeURIComponent(text).replaceAll('%20', '+'),
  // only what must be escaped in a query value; the rest raw
  (text) => text.replace(/[%&+#= ]|[^\x21-\x7e]/gu, (char) => encodeURIComponent(char)),
];

/** The same for a path segment (where "+" is a plus and "/" would split it). */
const PATH_ENCODINGS: ((text: string) => string)[] = [
  encodeURIComponent,
  (text) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  // non-ASCII letters raw (the URL parser escapes them itself)
  (text) => text.replace(/[ -~]/g, (char) => encodeURIComponent(char)),
];

const spelling = fc.record({
  encoding: fc.nat(ENCODINGS.length - 1),
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  upperHost: fc.boolean(),
  trailingSlash: fc.boolean(),
  http: fc.boolean(),
  clickParams: fc.subarray([
    'subId1=best-tents',
    'subId2=sidebar',
    'sharedid=blog',
    'irclickid=Qx1',
    'utm_source=news',
    'utm_campaign=may',
  ]),
});
type Spelling = typeof spelling extends fc.Arbitrary<infer T> ? T : never;

function destinationUrl(dest: Destination, shape: Spelling): string {
  const encode = ENCODINGS[shape.encoding] as (text: string) => string;
  const encodePath = PATH_ENCODINGS[shape.encoding % PATH_ENCODINGS.length] as (text: string) => string;
  const path = dest.path.map(encodePath).join('/');
  const query = dest.params.map(([name, value]) => `${name}=${encode(value)}`);
  return `https://${shape.upperHost ? dest.host.toUpperCase() : dest.host}/${path}${shape.trailingSlash ? '/' : ''}${query.length ? `?${shuffle(query, shape.order).join('&')}` : ''}`;
}

function spell(value: Link, shape: Spelling): string {
  const encode = ENCODINGS[shape.encoding] as (text: string) => string;
  const params = [
    ...value.extra.map(([name, text]) => `${name}=${encode(text)}`),
    ...(value.sku === undefined ? [] : [`prodsku=${encode(value.sku)}`]),
    ...(value.destination === undefined ? [] : [`u=${encode(destinationUrl(value.destination, shape))}`]),
    ...shape.clickParams,
  ];
  const host = shape.upperHost ? value.host.toUpperCase() : value.host;
  const path = `/c/${value.partnerId}/${value.adId}/${value.programId}${shape.trailingSlash ? '/' : ''}`;
  const query = shuffle(params, shape.order).join('&');
  return `${shape.http ? 'http' : 'https'}://${host}${path}${query ? `?${query}` : ''}`;
}

function shuffle<T>(items: T[], order: number[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = (order[i % order.length] ?? 0) % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const plainSpelling: Spelling = {
  encoding: 0,
  order: [],
  upperHost: false,
  trailingSlash: false,
  http: false,
  clickParams: [],
};

describe('tracking links, generated', () => {
  it('read the same ids, item and destination however they are spelled', () => {
    fc.assert(
      fc.property(link, spelling, (value, shape) => {
        const parsed = parseTrackingLink(spell(value, shape));
        expect(parsed).not.toBeNull();
        expect(parsed?.partnerId).toBe(value.partnerId);
        expect(parsed?.programId).toBe(value.programId);
        expect(parsed?.sku).toBe(value.sku ?? null);
        const expected = value.destination ? destinationKey(destinationUrl(value.destination, plainSpelling)) : null;
        expect(parsed?.destination).toBe(expected);
      }),
      RUNS,
    );
  });

  it('are one link to the matcher whatever the spelling, Sub IDs or click ids', () => {
    fc.assert(
      fc.property(link, spelling, spelling, (value, one, other) => {
        expect(parseTrackingLink(spell(value, one))?.key).toBe(parseTrackingLink(spell(value, other))?.key);
      }),
      RUNS,
    );
  });

  it('are different links when the program, the item or the destination differs', () => {
    fc.assert(
      fc.property(link, digits, awkward, spelling, (value, program, sku, shape) => {
        const key = (changed: Link) => parseTrackingLink(spell(changed, shape))?.key;
        fc.pre(program !== value.programId && sku !== value.sku);
        expect(key({ ...value, programId: program })).not.toBe(key(value));
        expect(key({ ...value, sku })).not.toBe(key(value));
      }),
      RUNS,
    );
  });

  it('match their product in the order link → sku → destination → untracked', () => {
    fc.assert(
      fc.property(link, awkward, destination, digits, spelling, (value, sku, dest, otherAd, shape) => {
        fc.pre(otherAd !== value.adId);
        const productUrl = spell({ ...value, sku, destination: dest }, plainSpelling);
        const product = productKeys({ url: productUrl, campaignId: value.programId, catalogItemId: sku });
        const lookup = {
          byLink: (hash: number) => (hash === product.link ? 'it' : undefined),
          bySku: (hash: number) => (hash === product.sku ? 'it' : undefined),
          byDestination: (hash: number) => (hash === product.destination ? 'it' : undefined),
        };
        const matchOf = (href: string) => matchLink(linkKeys(href), lookup)?.match ?? null;
        const anotherAd = { ...value, adId: otherAd, extra: [] };
        expect(matchOf(spell({ ...value, sku, destination: dest }, shape))).toBe('link');
        expect(matchOf(spell({ ...anotherAd, sku, destination: undefined }, shape))).toBe('sku');
        expect(matchOf(spell({ ...anotherAd, sku: undefined, destination: dest }, shape))).toBe('destination');
        expect(matchOf(destinationUrl(dest, shape))).toBe('untracked');
        expect(
          matchOf(spell({ ...anotherAd, programId: `${value.programId}0`, sku, destination: undefined }, shape)),
        ).toBeNull();
      }),
      RUNS,
    );
  });

  it('never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (text) => {
        parseTrackingLink(text);
        linkKeys(text);
        productKeys({ url: text, catalogItemId: text });
      }),
      { seed: 18, numRuns: 2000 },
    );
  });
});
