// What an address the partner adds serves: a sitemap, a feed or a web page, read politely like any page (robots.txt
// first). Anything else is refused with the reason, in words the partner can act on.
import { ApiError } from '../../../../shared/contract/errors.js';
import type { SiteKind } from '../../../../shared/contract/pages.js';
import { bodyText, documentKind, isDocumentType, MAX_UNPACKED_BYTES } from '../discover/document-kind.js';
import type { PageReader } from '../fetch/page-reader.js';

/** The kind of site `url` is, and the address it settled at after redirects; an ApiError when it is none. */
export async function siteKindOf(reader: PageReader, url: string): Promise<{ kind: SiteKind; url: string }> {
  const result = await reader.read(url, isDocumentType, {}, MAX_UNPACKED_BYTES);
  switch (result.kind) {
    case 'body': {
      let text: string;
      try {
        text = bodyText(result.body);
      } catch (error) {
        throw new ApiError(400, `${url} could not be read: ${(error as Error).message}.`);
      }
      const kind = documentKind(text, result.contentType);
      if (!kind) throw new ApiError(400, `${url} is neither a sitemap, a feed nor a web page.`);
      return { kind, url: result.url };
    }
    case 'unwanted':
      throw new ApiError(400, `${url} is neither a sitemap, a feed nor a web page (it serves ${result.contentType}).`);
    case 'gone':
      throw new ApiError(400, `${url} was not found (${result.status}).`);
    case 'disallowed':
      throw new ApiError(400, `The site’s robots.txt asks Shelfwatch not to read ${url}.`);
    case 'failed':
      throw new ApiError(502, `${url} could not be read: ${result.problem}.`);
    case 'not-modified':
      throw new ApiError(502, `${url} could not be read: the server answered 304 to a first request.`);
  }
}
