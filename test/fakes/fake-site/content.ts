// What the fake partner site holds: a review that links four Acme products in each of the four ways (the product's
// own tracking link, program + prodsku, the destination inside u=, a plain link) next to links that only look alike,
// a gift guide that links the tent too, and the postbacks that make those products known to Shelfwatch.

export const ACME = { catalogId: '24836', campaignId: '9012', partnerId: '1234', adId: '5678' };

const dest = (slug: string) => `https://shop.acme.test/p/${slug}`;
const trackingLink = (host: string, sku: string, slug: string) =>
  `https://${host}/c/${ACME.partnerId}/${ACME.adId}/${ACME.campaignId}?prodsku=${sku}&u=${encodeURIComponent(dest(slug))}&intsrc=CATF_1`;

/** The products as impact.com's postbacks describe them: each Url is the partner's own tracking link. */
export const FAKE_PRODUCTS = [
  { item: 'TENT-2', name: 'Trail tent 2', url: trackingLink('acme.pxf.io', 'TENT-2', 'trail-tent-2'), price: '199.00' },
  { item: 'STOVE', name: 'Camp stove', url: trackingLink('goto.acme.test', 'STOVE', 'camp-stove'), price: '49.00' },
  { item: 'MAT', name: 'Sleeping mat', url: trackingLink('acme.pxf.io', 'MAT', 'sleeping-mat'), price: '39.00' },
  { item: 'LAMP', name: 'Lantern', url: trackingLink('acme.pxf.io', 'LAMP', 'lantern'), price: '19.00' },
] as const;

export const productKeyOf = (item: string) => `${ACME.catalogId}:${item}`;

/** A postback body for one of them (JSON, the recommended template's keys). */
export function productPostback(item: string, changes: Record<string, string> = {}): Record<string, string> {
  const product = FAKE_PRODUCTS.find((candidate) => candidate.item === item);
  if (!product) throw new Error(`no fake product ${item}`);
  return {
    Operation: 'Update',
    CatalogId: ACME.catalogId,
    CampaignId: ACME.campaignId,
    CatalogItemId: product.item,
    Name: product.name,
    Url: product.url,
    CurrentPrice: product.price,
    Currency: 'USD',
    StockAvailability: 'InStock',
    ...changes,
  };
}

/** Every link of the review, with the match the matcher must give it (null: none). */
export const REVIEW_LINKS: { href: string; text: string; productKey: string | null; match: string | null }[] = [
  {
    href: `${FAKE_PRODUCTS[0].url}&subId1=best-tents&sharedid=blog`,
    text: 'Trail tent 2',
    productKey: productKeyOf('TENT-2'),
    match: 'link',
  },
  {
    href: `https://goto.acme.test/c/${ACME.partnerId}/4321/${ACME.campaignId}?prodsku=STOVE`,
    text: 'Camp stove',
    productKey: productKeyOf('STOVE'),
    match: 'sku',
  },
  {
    href: `https://acme.pxf.io/c/${ACME.partnerId}/999/${ACME.campaignId}?u=${encodeURIComponent(`${dest('sleeping-mat')}/?utm_source=blog`)}`,
    text: 'Sleeping mat',
    productKey: productKeyOf('MAT'),
    match: 'destination',
  },
  { href: 'https://SHOP.acme.test/p/lantern/', text: 'Lantern', productKey: productKeyOf('LAMP'), match: 'untracked' },
  // look-alikes
  {
    href: `https://click.othernet.test/c/ab12/xyz?url=${encodeURIComponent(dest('trail-tent-2'))}`,
    text: 'Tent elsewhere',
    productKey: null,
    match: null,
  },
  {
    href: `https://acme.pxf.io/c/${ACME.partnerId}/${ACME.adId}/7777?prodsku=TENT-2`,
    text: 'Another program',
    productKey: null,
    match: null,
  },
  { href: 'https://shop.acme.test/p/trail-tent-3', text: 'Trail tent 3', productKey: null, match: null },
  { href: 'https://en.wikipedia.test/wiki/Tent', text: 'Tents on Wikipedia', productKey: null, match: null },
];

const anchors = (links: { href: string; text: string }[]) =>
  links.map((link) => `<p><a href="${link.href.replaceAll('&', '&amp;')}">${link.text}</a></p>`).join('\n');

export const REVIEW_HTML = `<!doctype html><html><head><title>Best tents 2026</title></head><body>
<nav><a href="/">Home</a> <a href="/guides/gift-guide">Gift guide</a></nav>
<h1>Best tents 2026</h1>
${anchors(REVIEW_LINKS)}
<script>var a = '<a href="https://script.test/">not a link</a>';</script>
</body></html>`;

export const GIFT_GUIDE_LINKS = [
  { href: `${FAKE_PRODUCTS[0].url}&subId1=gift-guide`, text: 'A tent for the outdoorsy' },
  { href: 'https://books.test/camping', text: 'A camping book' },
];

export const GIFT_GUIDE_HTML = `<html><head><title>Gift guide</title></head><body>${anchors(GIFT_GUIDE_LINKS)}</body></html>`;

export const NEW_POST_HTML = `<html><head><title>Moved post</title></head><body>
<a href="${FAKE_PRODUCTS[3].url.replaceAll('&', '&amp;')}">Lantern</a></body></html>`;

export const PRIVATE_HTML =
  '<html><head><title>Draft</title></head><body><a href="https://secret.test/">x</a></body></html>';
