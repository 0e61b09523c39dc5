// The fake Partner API's public shapes: its options, its request log and its test controls.
import type { FakeCatalogInput, FakeItemInput } from './catalog-data.js';
import type { FakeFault } from './faults.js';
import type { FakeGroup, RateHeaderStyle } from './hourly-limits.js';
import type { Format } from './render.js';
import type { FakePaging } from './routes.js';

export interface FakeImpactApiOptions {
  accountSid?: string;
  authToken?: string;
  /** the clock of the hourly windows and of DateLastUpdated (default Date.now) */
  now?: () => number;
}

export interface FakeRequest {
  method: string;
  /** path and query as asked, still percent-encoded: what a followed @nextpageuri must equal */
  url: string;
  /** as asked, still percent-encoded */
  path: string;
  query: Record<string, string>;
  /** lower-case names; never the Authorization header */
  headers: Record<string, string>;
  status: number;
  group: FakeGroup;
  /** the fake's clock when it arrived */
  at: number;
}

export interface FakeImpactApi {
  /** the base URL (`http://127.0.0.1:<port>`) */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly requests: FakeRequest[];
  readonly stats: { inFlight: number; maxInFlight: number; readonly refusedOverLimit: number };
  seedCatalog(catalog: FakeCatalogInput): void;
  putItem(catalogId: string, item: FakeItemInput): void;
  changeItem(catalogId: string, catalogItemId: string, patch: Partial<Omit<FakeItemInput, 'catalogItemId'>>): void;
  deleteItem(catalogId: string, catalogItemId: string): void;
  setHourlyLimit(group: FakeGroup, perHour: number): void;
  setRateHeaderStyle(style: RateHeaderStyle): void;
  /** requests made this clock hour, per group */
  usage(group: FakeGroup): number;
  /** a token of this account that is scoped: every endpoint answers it 403 */
  setScopedToken(token: string): void;
  /** answers in this format whatever was asked (an account or proxy that ignores Accept); null: negotiate */
  forceFormat(format: Format | null): void;
  /** real delay before every answer, so concurrent requests overlap */
  setLatency(ms: number): void;
  /** how catalog item lists link their pages: honestly, or with a repeating or a never-ending next-page link */
  setPaging(mode: FakePaging): void;
  injectFault(fault: FakeFault): void;
  close(): Promise<void>;
}
