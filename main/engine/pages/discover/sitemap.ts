// A sitemap's entries (<url><loc> with <lastmod>) or, for a sitemap index, the sitemaps it lists. Read with
// htmlparser2 in XML mode: no DTD, no external entity, nothing fetched while parsing.
import { Parser } from 'htmlparser2';

export interface SitemapEntry {
  url: string;
  /** <lastmod> as written (W3C datetime), or null */
  lastmod: string | null;
}

export interface Sitemap {
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

/** The sitemap protocol's limit of entries in one file. */
export const MAX_SITEMAP_ENTRIES = 50_000;

export function parseSitemap(text: string): Sitemap {
  let kind: Sitemap['kind'] = 'urlset';
  const entries: SitemapEntry[] = [];
  let entry: { loc: string; lastmod: string } | null = null;
  let field: 'loc' | 'lastmod' | null = null;
  const localName = (name: string) => name.toLowerCase().replace(/^.*:/, '');
  const parser = new Parser(
    {
      onopentag(tag) {
        const name = localName(tag);
        if (name === 'sitemapindex') kind = 'index';
        if (name === 'url' || name === 'sitemap') entry = { loc: '', lastmod: '' };
        else if (entry && (name === 'loc' || name === 'lastmod')) field = name;
      },
      ontext(text) {
        if (entry && field) entry[field] += text;
      },
      onclosetag(tag) {
        const name = localName(tag);
        if (name === 'loc' || name === 'lastmod') field = null;
        else if ((name === 'url' || name === 'sitemap') && entry) {
          const url = entry.loc.trim();
          if (url && entries.length < MAX_SITEMAP_ENTRIES) entries.push({ url, lastmod: entry.lastmod.trim() || null });
          entry = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return { kind, entries };
}
