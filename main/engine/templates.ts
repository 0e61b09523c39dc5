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

/** GET variant: the ids, price and stock fit comfortably in a URL. */
export function getUrlTemplate(postbackUrl: string): string {
  const query = [
    'Operation',
    'CatalogId',
    'CatalogItemId',
    'CurrentPrice',
    'Currency',
    'StockAvailability',
    'Inventory',
  ]
    .map((name) => `${name}={${name}}`)
    .join('&');
  return `${postbackUrl}?${query}`;
}
