// A Logger that keeps every line, so tests can assert what the user is told and that no secret is ever written.
import type { Logger } from '../../../main/engine/types.js';

export function captureLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(`${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`);
  };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}
