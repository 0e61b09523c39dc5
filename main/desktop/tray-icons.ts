// Tray images from the PNGs inlined in tray-icon-data.ts, with 1x and 2x representations for HiDPI.
// macOS gets a template image (the system tints it for light/dark menu bars; the count is the tray title);
// elsewhere the unread state is a badged variant of the icon.
import * as data from './tray-icon-data.js';

export interface ImageLike {
  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void;
  setTemplateImage(option: boolean): void;
}

export interface TrayIcons<Image> {
  normal: Image;
  unread: Image;
}

const png = (base64: string) => Buffer.from(base64, 'base64');

export function loadTrayIcons<Image extends ImageLike>(
  createEmpty: () => Image,
  platform: NodeJS.Platform,
): TrayIcons<Image> {
  const image = (oneX: string, twoX: string, template = false) => {
    const result = createEmpty();
    result.addRepresentation({ scaleFactor: 1, buffer: png(oneX) });
    result.addRepresentation({ scaleFactor: 2, buffer: png(twoX) });
    if (template) result.setTemplateImage(true);
    return result;
  };
  if (platform === 'darwin') {
    const template = image(data.trayTemplate1x, data.trayTemplate2x, true);
    return { normal: template, unread: template };
  }
  return { normal: image(data.tray1x, data.tray2x), unread: image(data.trayBadge1x, data.trayBadge2x) };
}
