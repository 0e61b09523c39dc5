// What of an HTTP request goes into the journal: enough to parse it again later, never the secrets.
import type { Request } from 'express';
import type { RawRequest } from '../../../shared/contract/quarantine.js';

const KEPT_HEADERS = ['content-type', 'content-length', 'content-encoding', 'user-agent'];

export function captureRequest(req: Request, body: Buffer | undefined): RawRequest {
  const url = req.originalUrl;
  const queryAt = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return {
    method: req.method,
    query: queryAt === -1 ? '' : url.slice(queryAt + 1),
    contentType: headers['content-type'] ?? '',
    headers,
    body: body ? decodeBody(body, headers['content-type'] ?? '') : '',
  };
}

/** Decodes with the declared charset when the platform knows it, else as UTF-8 (invalid bytes become U+FFFD). */
function decodeBody(body: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
