// Bounds on what one postback may contain. A real template has a dozen fields and no nesting; these limits only
// stop hostile or broken bodies from costing memory or stack.
export const MAX_DEPTH = 32;
export const MAX_FIELDS = 500;
/** Keys that could reach Object.prototype through a careless consumer: never kept. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
