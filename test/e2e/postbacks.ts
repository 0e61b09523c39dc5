// The postbacks the scenarios send, as impact.com would: JSON bodies POSTed to the postback URL from the banner.
import { postJson } from '../helpers/http.js';

export const CATALOG = '24836';

/** impact.com's "Send test": the placeholders arrive unreplaced. */
export const TEST_POSTBACK = {
  CatalogId: '{CatalogId}',
  CatalogItemId: '{CatalogItemId}',
  CurrentPrice: '{CurrentPrice}',
};

export function item(
  catalogItemId: string,
  fields: Record<string, string>,
  operation: 'Insert' | 'Update' = 'Update',
): Record<string, string> {
  return { Operation: operation, CatalogId: CATALOG, CatalogItemId: catalogItemId, Currency: 'USD', ...fields };
}

export async function send(postbackUrl: string, body: unknown): Promise<void> {
  const response = await postJson(postbackUrl, body);
  // The receiver answers OK for anything it accepted (even quarantined); anything else is a broken scenario.
  if (response.status !== 200) throw new Error(`postback answered ${response.status}: ${response.body}`);
}
