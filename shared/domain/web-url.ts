// Payload URLs come from a brand's catalog via impact.com: only plain web links may leave the app, load images or be
// opened in the user's browser. One rule for the renderer and the main process.
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
