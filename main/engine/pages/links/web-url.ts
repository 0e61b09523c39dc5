// Web addresses as the link matcher compares them. Two spellings of one address must compare equal: scheme and host
// case, http or https, a trailing slash, the order of query parameters, how each part is percent-encoded, and the
// parameters that only say who clicked (Sub IDs, Shared ID, click ids, utm_*) make no difference.

/** Query parameters that identify a click or a campaign, never the thing linked to. */
const CLICK_PARAMETER = /^(utm_.*|subid\d*|sharedid|.*clickid|gclid|fbclid|msclkid|irgwc)$/i;

export function isClickParameter(name: string): boolean {
  return CLICK_PARAMETER.test(name);
}

/** The address when it is an absolute http(s) URL (resolved against `base` when given); null for anything else. */
export function parseWebUrl(text: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** One path segment or parameter text in a single canonical encoding. */
function canonical(text: string): string {
  if (!text.includes('%') && encodeURIComponent(text) === text) return text; // most segments: nothing to change
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a stray "%": keep the text as it came
  }
  return encodeURIComponent(decoded);
}

/** The path without a trailing slash, each segment in one encoding. */
export function canonicalPath(url: URL): string {
  const path = url.pathname;
  if (/^[\w./-]*$/.test(path)) return path.replace(/\/+$/, ''); // plain letters, digits, "-", "_", "." and "/"
  const segments = path.split('/').map(canonical);
  while (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return segments.join('/');
}

/** Parameters sorted by name then value, click parameters left out; `rewrite` may replace a value (or drop it: null). */
export function canonicalQuery(
  params: URLSearchParams,
  rewrite: (name: string, value: string) => string | null = (_name, value) => value,
): string {
  if (params.size === 0) return '';
  const kept: [string, string][] = [];
  for (const [name, value] of params) {
    if (isClickParameter(name)) continue;
    const next = rewrite(name, value);
    if (next !== null) kept.push([name.toLowerCase(), next]);
  }
  kept.sort((a, b) => (a[0] === b[0] ? compare(a[1], b[1]) : compare(a[0], b[0])));
  return kept.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A destination (a shop's product page) as it is compared: host (lower case, no default port), path without a
 * trailing slash, and the parameters that are not click parameters, sorted. The scheme and fragment are left out.
 */
export function destinationKey(text: string): string | null {
  const url = parseWebUrl(text);
  return url ? destinationKeyOf(url) : null;
}

export function destinationKeyOf(url: URL): string {
  const query = canonicalQuery(url.searchParams);
  return `${url.host}${canonicalPath(url)}${query ? `?${query}` : ''}`;
}

/** The host without a leading "www.": what "the same site" means for redirects and sitemap entries. */
export function siteHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

export function sameSite(a: URL, b: URL): boolean {
  return siteHost(a) === siteHost(b);
}
