// The tab carries the unread count, so a partner sees news without looking at the page: "(3) Shelfwatch" in the
// title, and the count on the tab's icon.
import { useEffect } from 'react';

export const APP_TITLE = 'Shelfwatch';
const ICON_SIZE = 32;

/** "(3) Shelfwatch"; "(999+) Shelfwatch" past that. */
export function titleWithUnread(unread: number): string {
  if (unread <= 0) return APP_TITLE;
  return `(${unread > 999 ? '999+' : unread.toLocaleString('en-US')}) ${APP_TITLE}`;
}

/** `icon`: also draw the count on the tab's icon (a browser; the desktop app has its tray's). */
export function useUnreadBadge(unread: number, icon: boolean): void {
  useEffect(() => {
    document.title = titleWithUnread(unread);
  }, [unread]);
  useEffect(() => {
    const link = icon ? document.querySelector<HTMLLinkElement>('link[rel="icon"]') : null;
    if (!link) return;
    const plain = link.dataset.plainIcon ?? link.getAttribute('href') ?? '';
    link.dataset.plainIcon = plain;
    if (unread <= 0) {
      link.href = plain;
      return;
    }
    let current = true;
    const image = new Image();
    image.onload = () => {
      const badged = badgedIcon(image, unread);
      if (current && badged) link.href = badged;
    };
    image.src = plain;
    return () => {
      current = false;
    };
  }, [unread, icon]);
}

/** The app's icon with a red dot and the count in its corner, as a data: URL (null where canvas is missing). */
function badgedIcon(icon: HTMLImageElement, unread: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = ICON_SIZE;
  canvas.height = ICON_SIZE;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(icon, 0, 0, ICON_SIZE, ICON_SIZE);
  const radius = 10;
  const centre = ICON_SIZE - radius;
  context.fillStyle = '#d93025';
  context.beginPath();
  context.arc(centre, centre, radius, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#ffffff';
  context.font = 'bold 14px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(unread > 9 ? '9+' : String(unread), centre, centre + 1);
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null; // a canvas the browser will not read back (an icon from another origin): the plain icon stays
  }
}
