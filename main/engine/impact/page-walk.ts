// impact.com's lists come in pages, each naming the next (@nextpageuri). Shelfwatch does not trust @total (search
// answers 0), so it trusts the links to end, and checks that they do: a link it already followed (a repeat or a
// cycle), or more pages than the list can fill, ends the walk with an error instead of looping forever while the
// hourly budget drains.
import { ImpactApiError } from './errors.js';

/** Items a page holds at least, for the bound: impact.com sends up to the 200 asked for; half leaves room. */
const ITEMS_PER_PAGE_AT_LEAST = 100;
/** Pages beyond the count, for items added while the walk runs. */
const SPARE_PAGES = 10;
/** Without a count: a million items at 200 a page. */
const PAGES_WITHOUT_A_COUNT = 5_000;

export class PageWalk {
  private readonly followed = new Set<string>();
  private pages = 1;

  /** `what`: the list, as the error names it ("the items of catalog 24836"); `first`: the first page's link, if known. */
  constructor(
    private readonly what: string,
    private readonly maxPages: number,
    first?: string,
  ) {
    if (first !== undefined) this.followed.add(first);
  }

  /** Before following a next-page link: throws when the list does not end. */
  next(link: string): void {
    if (this.followed.has(link)) {
      throw new ImpactApiError(
        'bad-response',
        `impact.com's list of ${this.what} sent a next-page link it had sent before (after ${this.pages} pages)`,
      );
    }
    if (++this.pages > this.maxPages) {
      throw new ImpactApiError(
        'bad-response',
        `impact.com's list of ${this.what} went on past ${this.maxPages.toLocaleString('en-US')} pages, more than it can have`,
      );
    }
    this.followed.add(link);
  }
}

/** The most pages a list of `count` items can take (unknown: a hard cap). */
export function maxPagesFor(count: number | null): number {
  if (count === null || !Number.isFinite(count) || count < 0) return PAGES_WITHOUT_A_COUNT;
  return Math.min(PAGES_WITHOUT_A_COUNT, Math.ceil(count / ITEMS_PER_PAGE_AT_LEAST) + SPARE_PAGES);
}
