// Every IPC call is checked before it runs: it must come from our window's top frame showing our renderer file
// (after desktop/desktop's trusted-ipc-sender). A page that got into the window some other way gets nothing.
import { isRendererUrl } from './paths.js';

export interface IpcSenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export function createSenderCheck(
  getWebContents: () => unknown,
  rendererUrl: string,
  platform: NodeJS.Platform = process.platform,
): (event: IpcSenderEvent) => boolean {
  return (event) => {
    const ours = getWebContents();
    const frame = event.senderFrame;
    return (
      ours != null &&
      event.sender === ours &&
      frame !== null &&
      frame.parent === null &&
      isRendererUrl(frame.url, rendererUrl, platform)
    );
  };
}
