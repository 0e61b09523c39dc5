// Answers as impact.com writes them: JSON with "@paging" fields, or XML under <ImpactRadiusResponse> with the paging
// as attributes of the list element and each list entry named like the list minus its "s".

export type Format = 'json' | 'xml';
export type Body = Record<string, unknown>;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function element(name: string, value: unknown, attributes = ''): string {
  if (Array.isArray(value)) {
    const entry = name.endsWith('s') ? name.slice(0, -1) : 'Entry';
    if (value.length === 0) return `<${name}${attributes}/>`;
    return `<${name}${attributes}>${value.map((v) => element(entry, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object' && value !== null) {
    const children = Object.entries(value).map(([key, child]) => element(key, child));
    return `<${name}${attributes}>${children.join('')}</${name}>`;
  }
  const text = value === undefined || value === null ? '' : String(value);
  return text === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

export function toXml(body: Body): string {
  const paging = Object.entries(body)
    .filter(([key]) => key.startsWith('@'))
    .map(([key, value]) => ` ${key.slice(1)}="${escapeXml(String(value))}"`)
    .join('');
  const children = Object.entries(body)
    .filter(([key]) => !key.startsWith('@'))
    .map(([key, value]) => element(key, value, Array.isArray(value) ? paging : ''));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ImpactRadiusResponse>${children.join('')}</ImpactRadiusResponse>`;
}

export function render(format: Format, body: Body): { contentType: string; text: string } {
  return format === 'json'
    ? { contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) }
    : { contentType: 'application/xml; charset=utf-8', text: toXml(body) };
}

export function errorBody(message: string, errors?: { Field: string; Message: string }[]): Body {
  return errors === undefined
    ? { Status: 'ERROR', Message: message }
    : { Status: 'ERROR', Message: message, Errors: errors };
}

/** A malformed answer of the asked format: cut off mid-way, the way a dropped proxy connection leaves it. */
export function malformed(format: Format): { contentType: string; text: string } {
  return format === 'json'
    ? { contentType: 'application/json; charset=utf-8', text: '{"@page":"1","Catalogs":[{"Id":"1","Name":"Cut' }
    : { contentType: 'application/xml; charset=utf-8', text: '<ImpactRadiusResponse><Catalogs><Catalog><Id>1</Id>' };
}

export interface PageLinks {
  /** the request's path and its other query parameters, kept in every link */
  path: string;
  params: URLSearchParams;
}

/** The link to page `page`, relative, with the request's other parameters. */
export function pageUri(links: PageLinks, page: number, pageSize: number): string {
  const params = new URLSearchParams(links.params);
  params.set('PageSize', String(pageSize));
  params.set('Page', String(page));
  return `${links.path}?${params}`;
}

/** Page-number paging as on /Catalogs and /Catalogs/{id}/Items: every @…uri relative, @nextpageuri "" on the last. */
export function numberedPage(key: string, all: unknown[], links: PageLinks, page: number, pageSize: number): Body {
  const total = all.length;
  const numPages = Math.max(1, Math.ceil(total / pageSize));
  const uri = (p: number) => pageUri(links, p, pageSize);
  return {
    '@page': String(page),
    '@numpages': String(numPages),
    '@pagesize': String(pageSize),
    '@total': String(total),
    '@start': String((page - 1) * pageSize),
    '@end': String(Math.min(total, page * pageSize) - 1),
    '@uri': uri(page),
    '@firstpageuri': uri(1),
    '@previouspageuri': page > 1 ? uri(page - 1) : '',
    '@nextpageuri': page < numPages ? uri(page + 1) : '',
    '@lastpageuri': uri(numPages),
    [key]: all.slice((page - 1) * pageSize, page * pageSize),
  };
}
