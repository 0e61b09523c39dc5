// The incoming keys that map to each canonical field, strongest first.
import { type CanonicalField, createResolver } from './aliases.js';
import { isMissing } from './clean-values.js';

export interface Candidate {
  key: string;
  value: string;
}

export interface Candidates {
  /** every key that maps to `field`, user-mapped first, then by alias strength, then in arrival order */
  of(field: CanonicalField): readonly Candidate[];
  /** the first non-missing value `read` accepts, or undefined */
  pick<T>(field: CanonicalField, read: (value: string) => T | undefined): T | undefined;
}

export function gatherCandidates(fields: Record<string, string>, mapping: Record<string, string>): Candidates {
  const resolve = createResolver(mapping);
  const ranked = new Map<CanonicalField, (Candidate & { rank: number })[]>();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const resolution = resolve(key);
    if (resolution === null) continue;
    const list = ranked.get(resolution.field) ?? [];
    list.push({ key, value, rank: resolution.rank });
    ranked.set(resolution.field, list);
  }
  // Array.prototype.sort is stable, so equal ranks keep arrival order.
  for (const list of ranked.values()) list.sort((a, b) => a.rank - b.rank);

  const of = (field: CanonicalField) => ranked.get(field) ?? [];
  return {
    of,
    pick(field, read) {
      for (const { value } of of(field)) {
        if (isMissing(value)) continue;
        const parsed = read(value);
        if (parsed !== undefined) return parsed;
      }
      return undefined;
    },
  };
}
