// Whether the browser draws an emoji in colour (a colour emoji font is installed) or as an empty box: the screenshots
// in the README show brands' product names, and those carry emoji. A machine without the font skips that check and
// says how to get it, like a missing Chromium; CI (CI set) must have it, so there a missing font fails.
import type { Page } from 'playwright-core';

interface Canvas2d {
  font: string;
  textBaseline: string;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
}
interface CanvasWindow {
  document: {
    createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
  };
}

/** Draws the text in the page's own font stack and says whether any pixel came out coloured (not black or grey). */
export function drawsInColour(page: Page, text: string): Promise<boolean> {
  return page.evaluate((sample) => {
    const window = globalThis as unknown as CanvasWindow;
    const canvas = window.document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    if (!context) return false;
    context.font = '40px system-ui, sans-serif';
    context.textBaseline = 'top';
    context.fillText(sample, 8, 8);
    const { data } = context.getImageData(0, 0, 64, 64);
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) return true;
    }
    return false;
  }, text);
}

export const EMOJI_FONT_HELP =
  'No colour emoji font: emoji in product names are drawn as empty boxes. ' +
  'Install one with `sudo apt-get install fonts-noto-color-emoji` (CI installs it).';

/** What the emoji check does with what the browser drew: pass, skip with help (a local run), or fail (CI). */
export function emojiVerdict(
  drawnInColour: boolean,
  env: NodeJS.ProcessEnv,
): 'drawn' | { skipReason: string } | { failure: string } {
  if (drawnInColour) return 'drawn';
  if (env.CI) return { failure: `CI must draw emoji in colour. ${EMOJI_FONT_HELP}` };
  return { skipReason: EMOJI_FONT_HELP };
}
