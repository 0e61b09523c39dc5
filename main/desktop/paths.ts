// Where the bundled pieces live, relative to the bundled main (dist/main/index.cjs → __dirname = dist/main):
// dist/main/preload.cjs (scripts/build-main.mjs) and dist/renderer/index.html (Vite). Also inside app.asar.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DesktopPaths {
  preload: string;
  rendererHtml: string;
  /** the file URL the window loads; IPC and navigation are only trusted from it */
  rendererUrl: string;
}

export function desktopPaths(mainDir: string): DesktopPaths {
  const rendererHtml = join(mainDir, '..', 'renderer', 'index.html');
  return { preload: join(mainDir, 'preload.cjs'), rendererHtml, rendererUrl: pathToFileURL(rendererHtml).href };
}

function filePath(url: string, caseInsensitive: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  let path: string;
  try {
    path = `${parsed.host}${decodeURIComponent(parsed.pathname)}`;
  } catch {
    return null;
  }
  return caseInsensitive ? path.toLowerCase() : path;
}

/** Same document as our renderer, ignoring the hash route (#/product/…) and any query. */
export function isRendererUrl(url: string, rendererUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  const caseInsensitive = platform === 'win32' || platform === 'darwin';
  const candidate = filePath(url, caseInsensitive);
  return candidate !== null && candidate === filePath(rendererUrl, caseInsensitive);
}

/** Only web links leave the app, and only to the user's browser. */
export { isWebUrl } from '../../shared/domain/web-url.js';
