// The impact.com templates Shelfwatch recommends: every placeholder, with key names its alias table knows.
const FIELDS: [string, string][] = [
  ['Operation', 'Operation'],
  ['CatalogId', 'CatalogId'],
  ['CampaignId', 'CampaignId'],
  ['CatalogItemId', 'CatalogItemId'],
  ['Name', 'Name'],
  ['Url', 'Url'],
  ['ImageUrl', 'ImageUrl'],
  ['CurrentPrice', 'CurrentPrice'],
  ['OriginalPrice', 'OriginalPrice'],
  ['Currency', 'Currency'],
  ['StockAvailability', 'StockAvailability'],
  ['Inventory', 'Inventory'],
];

export function jsonPostTemplate(): string {
  return `{${FIELDS.map(([key, placeholder]) => `"${key}":"{${placeholder}}"`).join(',')}}`;
}

/**
 * GET variant, one line: the ids, Name and Url (without them the feed shows item ids and offers no link), price and
 * stock. impact.com URL-encodes what it puts in place of each placeholder, so a name with "&" stays one value.
 * Image, original price and program are left to the POST template, to keep the URL short.
 */
export function getUrlTemplate(postbackUrl: string): string {
  const query = [
    'Operation',
    'CatalogId',
    'CatalogItemId',
    'Name',
    'Url',
    'CurrentPrice',
    'Currency',
    'StockAvailability',
    'Inventory',
  ]
    .map((name) => `${name}={${name}}`)
    .join('&');
  return `${postbackUrl}?${query}`;
}
