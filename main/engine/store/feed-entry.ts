import type { FeedEntry } from '../../../shared/contract/feed.js';

/** A feed entry as stored: the product is joined in when read, so 200,000 entries hold no copies of it. */
export type StoredFeedEntry = Omit<FeedEntry, 'product'>;
