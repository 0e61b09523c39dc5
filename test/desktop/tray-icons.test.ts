import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as data from '../../main/desktop/tray-icon-data.js';
import { type ImageLike, loadTrayIcons } from '../../main/desktop/tray-icons.js';

class FakeImage implements ImageLike {
  readonly sizes: Array<[number, number]> = [];
  template = false;
  addRepresentation({ scaleFactor, buffer }: { scaleFactor: number; buffer: Buffer }): void {
    this.sizes.push([scaleFactor, buffer.readUInt32BE(16)]); // PNG width from the IHDR chunk
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
}

const asset = (name: string) => readFileSync(new URL(`../../main/desktop/assets/${name}.png`, import.meta.url));

describe('tray icons', () => {
  it('inlines exactly the PNGs kept in assets/', () => {
    const pairs: Array<[string, string]> = [
      [data.tray1x, 'tray'],
      [data.tray2x, 'tray@2x'],
      [data.trayBadge1x, 'trayBadge'],
      [data.trayBadge2x, 'trayBadge@2x'],
      [data.trayTemplate1x, 'trayTemplate'],
      [data.trayTemplate2x, 'trayTemplate@2x'],
    ];
    for (const [base64, name] of pairs) {
      const png = Buffer.from(base64, 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.equals(asset(name))).toBe(true);
    }
  });

  it('gives 16 px and 32 px representations, a badge outside macOS and a template image on macOS', () => {
    const linux = loadTrayIcons(() => new FakeImage(), 'linux');
    expect(linux.normal).not.toBe(linux.unread);
    expect(linux.unread.sizes).toEqual([
      [1, 16],
      [2, 32],
    ]);
    const mac = loadTrayIcons(() => new FakeImage(), 'darwin');
    expect(mac.normal.template).toBe(true);
    expect(mac.unread).toBe(mac.normal);
  });
});
