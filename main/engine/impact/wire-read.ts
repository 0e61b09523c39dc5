// Decoded answers → checked records. A shape the schema refuses is impact.com's mistake (or a proxy's): 'bad-response'.
import type { z } from 'zod';
import { badResponse } from './errors.js';
import { unwrapSingle } from './wire-schema.js';

function check<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'the answer' : issue.path.join('.');
  throw badResponse(`unexpected ${where} (${issue?.message ?? 'invalid'})`);
}

/** A list page and its next-page link: impact.com's @nextpageuri, null when it is empty (the last page). */
export function readPage<T extends z.ZodType<{ '@nextpageuri': string }>>(
  schema: T,
  body: Record<string, unknown>,
): { body: z.infer<T>; next: string | null } {
  const page = check(schema, body);
  const next = page['@nextpageuri'];
  return { body: page, next: next === '' ? null : next };
}

export function readSingle<T extends z.ZodType>(schema: T, body: Record<string, unknown>, element: 'Catalog' | 'Item') {
  return check(schema, unwrapSingle(body, element));
}
