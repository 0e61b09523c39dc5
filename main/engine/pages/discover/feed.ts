// The article links of an RSS (2.0 or 1.0) or Atom feed: each item's <link> (RSS) or its <link rel="alternate"
// href> (Atom; a link without rel is an alternate), with Atom's <updated> as the page's last change.
import { Parser } from 'htmlparser2';
import type { SitemapEntry } from './sitemap.js';

export const MAX_FEED_ENTRIES = 5_000;

export function parseFeed(text: string): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  let item: { link: string; updated: string } | null = null;
  let field: 'link' | 'updated' | null = null;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const name = tag.toLowerCase();
        if (name === 'item' || name === 'entry') item = { link: '', updated: '' };
        else if (item && name === 'link') {
          const rel = attributes.rel ?? 'alternate';
          if (attributes.href !== undefined) {
            if (rel === 'alternate' && !item.link) item.link = attributes.href;
          } else if (!item.link) field = 'link';
        } else if (item && name === 'updated') field = 'updated';
      },
      ontext(text) {
        if (item && field) item[field] += text;
      },
      onclosetag(tag) {
        const name = tag.toLowerCase();
        if (name === 'link' || name === 'updated') field = null;
        else if ((name === 'item' || name === 'entry') && item) {
          const url = item.link.trim();
          if (url && entries.length < MAX_FEED_ENTRIES) entries.push({ url, lastmod: item.updated.trim() || null });
          item = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return entries;
}
