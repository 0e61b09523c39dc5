// How every place that tells about a product names the partner's pages linking to it: feed rows, notifications,
// alert channels' messages. One wording: "on 3 of your pages: Best tents 2026, Gift guide, …". Plain text; the
// titles are the pages' own, so each caller shows it as text, never as markup.

export interface NamedPages {
  /** how many pages link to the product */
  count: number;
  /** the first few of them (a feed entry carries at most 5) */
  items: readonly { title: string; url: string }[];
}

/** Titles named at most; the rest is "…". */
export const TITLES_SHOWN = 3;

/** "on 3 of your pages: Best tents 2026, Gift guide, Lanterns" ("On …" with `capital`); '' when none links to it. */
export function onYourPagesText(pages: NamedPages | undefined, options: { capital?: boolean } = {}): string {
  if (!pages || pages.count <= 0) return '';
  const titles = pages.items.slice(0, TITLES_SHOWN).map((page) => page.title.trim() || page.url);
  const more = pages.count > titles.length ? ', …' : '';
  const count = pages.count === 1 ? 'on 1 of your pages' : `on ${pages.count.toLocaleString('en-US')} of your pages`;
  const text = titles.length > 0 ? `${count}: ${titles.join(', ')}${more}` : count;
  return options.capital ? `O${text.slice(1)}` : text;
}

/** "Linked from 3 of your pages" (a product page's heading); '' when none links to it. */
export function linkedFromText(count: number): string {
  if (count <= 0) return '';
  return count === 1 ? 'Linked from 1 of your pages' : `Linked from ${count.toLocaleString('en-US')} of your pages`;
}
