// Reads a page's title and the links that leave the site, with htmlparser2 (a real HTML tokenizer: links in
// comments, scripts and attribute text are not links). Nothing of the page runs or is kept but this text.
import { Parser } from 'htmlparser2';
import { parseWebUrl, sameSite } from './web-url.js';

export const MAX_LINK_TEXT = 200;
export const MAX_TITLE = 300;
/** Links kept per page at most: a page with more is a link directory, and the first ones are its content. */
export const MAX_LINKS_PER_PAGE = 2_000;

export interface PageLink {
  /** absolute http(s) address, resolved against the page (or its <base href>) */
  href: string;
  /** the anchor's text (or an image's alt text), whitespace collapsed */
  text: string;
}

export interface ReadPage {
  title: string;
  /** links to other sites, in page order, each address once */
  links: PageLink[];
}

const collapse = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** The title and outbound links of an HTML page that was fetched from `pageUrl` (its final address). */
export function extractLinks(html: string, pageUrl: string): ReadPage {
  const page = parseWebUrl(pageUrl);
  if (!page) throw new Error(`not a web address: ${pageUrl}`);
  let base = page;
  let title = '';
  let heading = '';
  let inTitle = false;
  let inHeading = false;
  let hidden = 0; // inside <script> or <style>: text that is not the page's words
  let anchor: { href: URL | null; text: string } | null = null;
  const links: PageLink[] = [];
  const seen = new Set<string>();

  const closeAnchor = () => {
    const href = anchor?.href;
    if (anchor && href && !sameSite(href, page) && !seen.has(href.href) && links.length < MAX_LINKS_PER_PAGE) {
      seen.add(href.href);
      links.push({ href: href.href, text: collapse(anchor.text, MAX_LINK_TEXT) });
    }
    anchor = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' || name === 'style') hidden++;
        else if (name === 'title' && !title) inTitle = true;
        else if (name === 'h1' && !heading) inHeading = true;
        else if (name === 'base' && attributes.href) base = parseWebUrl(attributes.href, page.href) ?? base;
        else if (name === 'a') {
          closeAnchor(); // an <a> inside an <a> ends the first one, as browsers do
          anchor = { href: attributes.href ? parseWebUrl(attributes.href, base.href) : null, text: '' };
        } else if (name === 'img' && anchor && attributes.alt) anchor.text += ` ${attributes.alt}`;
      },
      ontext(text) {
        if (hidden > 0) return;
        if (inTitle) title += text;
        if (inHeading) heading += text;
        if (anchor && anchor.text.length < MAX_LINK_TEXT * 2) anchor.text += text;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') hidden = Math.max(0, hidden - 1);
        else if (name === 'title') inTitle = false;
        else if (name === 'h1') inHeading = false;
        else if (name === 'a') closeAnchor();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  closeAnchor();
  return { title: collapse(title, MAX_TITLE) || collapse(heading, MAX_TITLE), links };
}
