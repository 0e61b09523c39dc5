// The placeholder the UI API answers for a set secret (no imports: every side reads it).
/**
 * What the UI API answers in place of a secret that is set (the receiver's header value): never the value itself.
 * A settings change carrying it back means "leave it as it is" (a form may send its receiver group whole).
 */
export const SECRET_SET_MASK = '•••• (set)';
