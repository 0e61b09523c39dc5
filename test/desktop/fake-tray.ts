// A typed stand-in for Electron's Tray: records title, tooltip, image and menu; finds menu items by label.
import type { Tray } from 'electron';
import type { TrayLike, TrayMenuItem } from '../../main/desktop/tray.js';

export class FakeTray<Icon = unknown>
  implements TrayLike<Icon, TrayMenuItem[]>, Pick<Tray, 'setTitle' | 'setToolTip' | 'destroy'>
{
  title: string | null = null;
  toolTip = '';
  image: Icon | null = null;
  menu: TrayMenuItem[] | null = null;
  clickListener: (() => void) | null = null;
  destroyed = false;

  constructor(initialImage: Icon | null = null) {
    this.image = initialImage;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setImage(image: Icon): void {
    this.image = image;
  }
  setContextMenu(menu: TrayMenuItem[] | null): void {
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void): this {
    this.clickListener = listener;
    return this;
  }
  destroy(): void {
    this.destroyed = true;
  }
  item(...path: string[]): TrayMenuItem {
    let items = this.menu ?? [];
    let found: TrayMenuItem | undefined;
    for (const label of path) {
      found = items.find((item) => item.label === label);
      items = found?.submenu ?? [];
    }
    if (!found) throw new Error(`no menu item ${path.join(' ▸ ')}`);
    return found;
  }
}
