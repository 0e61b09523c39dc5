// What an address serves, from its first element (not from its content type, which servers get wrong): a sitemap
// (<urlset>, <sitemapindex>), a feed (RSS <rss>, RSS 1.0 <rdf:RDF>, Atom <feed>) or a web page (HTML). A .xml.gz
// sitemap arrives gzipped without saying so; it is unpacked here, never beyond MAX_UNPACKED_BYTES.
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

export type DocumentKind = 'sitemap' | 'feed' | 'page';

/** The sitemap protocol's own limit on one file, unpacked. */
export const MAX_UNPACKED_BYTES = 50 * 1_048_576;

export function isGzip(body: Buffer): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** The text of a body, unpacked when it is gzip (throws a plain message when that fails or is too large). */
export function bodyText(body: Buffer): string {
  if (!isGzip(body)) return body.toString('utf8');
  try {
    return gunzipSync(body, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new Error(code === 'ERR_BUFFER_TOO_LARGE' ? 'larger than 50 MB unpacked' : 'a damaged gzip file');
  }
}

/** The kind of document `text` is, or null when it is none of the three. */
export function documentKind(text: string, contentType: string): DocumentKind | null {
  let first: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (first === null) {
          first = name.toLowerCase();
          parser.pause();
        }
      },
    },
    { xmlMode: true },
  );
  // The first element is in the first few kilobytes (after a declaration, comments or a doctype).
  parser.write(text.slice(0, 64 * 1024));
  const name: string | null = first;
  if (name === 'urlset' || name === 'sitemapindex') return 'sitemap';
  if (name === 'rss' || name === 'feed' || name === 'rdf:rdf') return 'feed';
  if (name === 'html' || contentType.includes('html')) return 'page';
  return null;
}

/** Content types a reader may get a document of any of the three kinds in (gzip: a .xml.gz sitemap). */
export function isDocumentType(contentType: string): boolean {
  return contentType === '' || /html|xml|rss|atom|text\/plain|gzip|octet-stream/.test(contentType);
}

export function isHtmlType(contentType: string): boolean {
  return contentType === '' || contentType.includes('html');
}
