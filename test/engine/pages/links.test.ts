// The link matcher's parts on hand-written links: what counts as a tracking link, what is ignored when two links are
// compared, and the order the four kinds of match are tried in.
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../main/engine/pages/links/extract-links.js';
import {
  type LinkKeys,
  linkKeys,
  matchLink,
  type ProductKeys,
  productKeys,
} from '../../../main/engine/pages/links/match-keys.js';
import { parseTrackingLink } from '../../../main/engine/pages/links/tracking-link.js';
import { destinationKey } from '../../../main/engine/pages/links/web-url.js';

const DEST = 'https://shop.acme.test/p/trail-tent-2';
const URL_OF_PRODUCT = `https://acme.pxf.io/c/1234/5678/9012?prodsku=TENT-2&u=${encodeURIComponent(DEST)}&intsrc=CATF_1`;

describe('parseTrackingLink', () => {
  it('reads the ids, the item and the destination of an impact.com link', () => {
    const link = parseTrackingLink(URL_OF_PRODUCT);
    expect(link).toMatchObject({
      host: 'acme.pxf.io',
      onImpactDomain: true,
      partnerId: '1234',
      adId: '5678',
      programId: '9012',
      sku: 'TENT-2',
      destination: 'shop.acme.test/p/trail-tent-2',
    });
  });

  it('takes a vanity host with the same path shape, and says it is not impact.com’s domain', () => {
    expect(parseTrackingLink('https://goto.acme.test/c/1/2/3?u=https%3A%2F%2Facme.test%2F')).toMatchObject({
      host: 'goto.acme.test',
      onImpactDomain: false,
      programId: '3',
    });
  });

  it('refuses other shapes: another network’s /c/ links, short links, other schemes', () => {
    expect(parseTrackingLink('https://click.othernet.test/c/ab12/xyz?url=https%3A%2F%2Fshop.test')).toBeNull();
    expect(parseTrackingLink('https://click.othernet.test/c/12/34')).toBeNull();
    expect(parseTrackingLink('https://acme.pxf.io/4PEbMo')).toBeNull();
    expect(parseTrackingLink('ftp://acme.pxf.io/c/1/2/3')).toBeNull();
    expect(parseTrackingLink('javascript:alert(1)//acme.pxf.io/c/1/2/3')).toBeNull();
  });

  it('compares links without Sub IDs, Shared ID, click ids, utm_* and parameter order', () => {
    const plain = parseTrackingLink('https://acme.pxf.io/c/1/2/3?prodsku=A&u=https%3A%2F%2Fshop.test%2Fa');
    const noisy = parseTrackingLink(
      'HTTPS://ACME.pxf.io/c/1/2/3/?subId1=review&sharedid=blog&u=https://shop.test/a/&irclickid=x1&utm_source=n&prodsku=A',
    );
    expect(noisy?.key).toBe(plain?.key);
  });
});

describe('destinationKey', () => {
  it('ignores scheme, host case, a trailing slash, click parameters and the fragment', () => {
    expect(destinationKey('http://Shop.Test/a/b/?utm_source=x&size=2&color=red#top')).toBe(
      destinationKey('https://shop.test/a/b?color=red&size=2'),
    );
  });

  it('keeps what tells two products apart: the path and other parameters', () => {
    expect(destinationKey('https://shop.test/a?color=red')).not.toBe(destinationKey('https://shop.test/a?color=blue'));
    expect(destinationKey('https://shop.test/a')).not.toBe(destinationKey('https://shop.test/b'));
  });

  it('is null for what is not a web address', () => {
    expect(destinationKey('mailto:me@shop.test')).toBeNull();
    expect(destinationKey('not a url')).toBeNull();
  });
});

describe('matchLink', () => {
  const products = new Map<string, ProductKeys>([
    ['24836:TENT-2', productKeys({ url: URL_OF_PRODUCT, campaignId: '9012', catalogItemId: 'TENT-2' })],
    ['24836:STOVE', productKeys({ campaignId: '9012', catalogItemId: 'STOVE' })],
    [
      '24836:MAT',
      productKeys({
        url: 'https://acme.pxf.io/c/1234/5678/9012?u=https%3A%2F%2Fshop.acme.test%2Fmat',
        catalogItemId: 'MAT',
      }),
    ],
  ]);
  const find = (pick: (keys: ProductKeys) => number | null) => (hash: number) =>
    [...products].find(([, keys]) => pick(keys) === hash)?.[0];
  const lookup = { byLink: find((k) => k.link), bySku: find((k) => k.sku), byDestination: find((k) => k.destination) };
  const match = (href: string) => matchLink(linkKeys(href), lookup);

  it('matches the product’s own link first, whatever Sub IDs the page added', () => {
    expect(match(`${URL_OF_PRODUCT}&subId1=best-tents`)).toEqual({ product: '24836:TENT-2', match: 'link' });
  });

  it('matches program id + prodsku next (another ad, no destination)', () => {
    expect(match('https://goto.acme.test/c/1234/999/9012?prodsku=STOVE')).toEqual({
      product: '24836:STOVE',
      match: 'sku',
    });
  });

  it('takes the program from the product’s own link when the postback carried no CampaignId', () => {
    expect(match('https://acme.pxf.io/c/1234/999/9012?prodsku=MAT')).toEqual({ product: '24836:MAT', match: 'sku' });
  });

  it('matches the destination inside u= next', () => {
    expect(match(`https://acme.pxf.io/c/1234/777/9012?u=${encodeURIComponent(`${DEST}/?utm_medium=x`)}`)).toEqual({
      product: '24836:TENT-2',
      match: 'destination',
    });
  });

  it('calls a plain link to a product’s destination untracked', () => {
    expect(match('http://SHOP.acme.test/p/trail-tent-2/')).toEqual({ product: '24836:TENT-2', match: 'untracked' });
  });

  it('matches nothing for look-alikes: another program id, another network, another page of the shop', () => {
    expect(match('https://acme.pxf.io/c/1234/5678/4444?prodsku=TENT-2')).toBeNull();
    expect(match(`https://click.othernet.test/c/ab/cd?url=${encodeURIComponent(DEST)}`)).toBeNull();
    expect(match('https://shop.acme.test/p/trail-tent-3')).toBeNull();
  });

  it('tries no lookup for a link without keys', () => {
    const keys: LinkKeys = { tracked: false, link: null, sku: null, destination: null };
    expect(matchLink(keys, lookup)).toBeNull();
  });
});

describe('extractLinks', () => {
  const page = 'https://blog.test/reviews/tents';

  it('reads the title and the links that leave the site, resolved against the page', () => {
    const read = extractLinks(
      `<html><head><title> Best  tents 2026 </title></head><body>
        <a href="/about">About</a>
        <a href="https://www.blog.test/other">Other post</a>
        <a href="${URL_OF_PRODUCT.replaceAll('&', '&amp;')}">Trail <b>tent</b> 2</a>
        <a href="//shop.test/x"><img alt="A stove"></a>
        <a href="mailto:me@blog.test">Mail</a><a href="javascript:alert(1)">x</a>
        <!-- <a href="https://hidden.test/">commented</a> -->
        <script>document.write('<a href="https://script.test/">s</a>')</script>
      </body></html>`,
      page,
    );
    expect(read.title).toBe('Best tents 2026');
    expect(read.links).toEqual([
      { href: URL_OF_PRODUCT, text: 'Trail tent 2' },
      { href: 'https://shop.test/x', text: 'A stove' },
    ]);
  });

  it('uses <base href> and falls back to the first heading for a title', () => {
    const read = extractLinks('<base href="https://cdn.test/x/"><h1>Gift guide</h1><a href="y">Y</a>', page);
    expect(read).toEqual({ title: 'Gift guide', links: [{ href: 'https://cdn.test/x/y', text: 'Y' }] });
  });

  it('keeps each address once', () => {
    const read = extractLinks('<a href="https://shop.test/a">1</a><a href="https://shop.test/a">2</a>', page);
    expect(read.links).toHaveLength(1);
  });
});
