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
  // A Map, not an object: keys like "__proto__" can never touch a prototype while collecting.
  const fields = new Map<string, string>();
  let values = 0;
  let overflowed = false;

  const put = (key: string, value: string) => {
    if (key === '' || UNSAFE_KEYS.has(key) || fields.has(key)) return;
    fields.set(key, value);
  };
  const admit = (): boolean => {
    values += 1;
    if (values > MAX_FIELDS) overflowed = true;
    return !overflowed;
  };

  return {
    add(path, value) {
      const names = path.filter((segment): segment is string => typeof segment === 'string');
      const leaf = names.at(-1);
      if (leaf === undefined || names.some((name) => UNSAFE_KEYS.has(name.trim())) || !admit()) return;
      put(leaf.trim(), value);
      if (path.length > 1) put(path.map((segment) => String(segment).trim()).join('.'), value);
    },
    addKey(key, value) {
      if (!admit()) return;
      put(key.trim(), value);
    },
    get overflowed() {
      return overflowed;
    },
    get size() {
      return fields.size;
    },
    toRecord() {
      // Object.fromEntries defines own properties (no setters run); unsafe keys were never stored anyway.
      return Object.fromEntries(fields);
    },
  };
}
