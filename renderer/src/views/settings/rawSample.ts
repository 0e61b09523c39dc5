import type { RawRequest } from '../../../../shared/contract/quarantine.js';

export type SampleFormat = 'json' | 'xml' | 'form' | 'query';

export const SAMPLE_FORMATS: { value: SampleFormat; label: string }[] = [
  { value: 'json', label: 'POST, JSON body' },
  { value: 'xml', label: 'POST, XML body' },
  { value: 'form', label: 'POST, form body' },
  { value: 'query', label: 'GET, query string' },
];

/** A pasted sample as the receiver would have recorded it. */
export function rawFromPaste(text: string, format: SampleFormat): RawRequest {
  if (format === 'query') {
    const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
    return { method: 'GET', query: query.trim(), contentType: '', headers: {}, body: '' };
  }
  const contentType = {
    json: 'application/json',
    xml: 'application/xml',
    form: 'application/x-www-form-urlencoded',
  }[format];
  return { method: 'POST', query: '', contentType, headers: { 'content-type': contentType }, body: text };
}
