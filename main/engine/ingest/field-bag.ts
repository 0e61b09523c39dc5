// Collects the flat key → value record every body format is reduced to.
import { MAX_FIELDS, UNSAFE_KEYS } from './limits.js';

/** A path from the document root: object keys are strings, array positions numbers. */
export type FieldPath = readonly (string | number)[];

export interface FieldBag {
  /** Keeps the value under its leaf key and, when nested, under the dotted path too. First occurrence wins. */
  add(path: FieldPath, value: string): void;
  /** Keeps one flat key (query string, form body, lenient JSON). First occurrence wins. */
  addKey(key: string, value: string): void;
  /** Set once more than MAX_FIELDS values were offered. */
  readonly overflowed: boolean;
  readonly size: number;
  toRecord(): Record<string, string>;
}

export function createFieldBag(): FieldBag {
  return new MapFieldBag();
}

// A class rather than closures: a bag is made for every postback, and per-call closures showed up as garbage.
class MapFieldBag implements FieldBag {
  // A Map, not an object: keys like "__proto__" can never touch a prototype while collecting.
  private readonly fields = new Map<string, string>();
  private values = 0;
  overflowed = false;

  get size(): number {
    return this.fields.size;
  }

  add(path: FieldPath, value: string): void {
    const names = path.filter((segment): segment is string => typeof segment === 'string');
    const leaf = names.at(-1);
    if (leaf === undefined || names.some((name) => UNSAFE_KEYS.has(name.trim())) || !this.admit()) return;
    this.put(leaf.trim(), value);
    if (path.length > 1) this.put(path.map((segment) => String(segment).trim()).join('.'), value);
  }

  addKey(key: string, value: string): void {
    if (!this.admit()) return;
    this.put(key.trim(), value);
  }

  toRecord(): Record<string, string> {
    // Object.fromEntries defines own properties (no setters run); unsafe keys were never stored anyway.
    return Object.fromEntries(this.fields);
  }

  private put(key: string, value: string): void {
    if (key === '' || UNSAFE_KEYS.has(key) || this.fields.has(key)) return;
    this.fields.set(key, value);
  }

  private admit(): boolean {
    this.values += 1;
    if (this.values > MAX_FIELDS) this.overflowed = true;
    return !this.overflowed;
  }
}
