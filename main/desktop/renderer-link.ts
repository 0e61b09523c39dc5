// Main → renderer messages: live engine events and "open this route" after a notification click.
import { IPC_EVENT_CHANNEL, type UiEvent } from '../../shared/api.js';
import { SHELL_CHANNELS } from './shell-channels.js';

export interface SendTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface RendererLink {
  sendEvent(event: UiEvent): void;
  navigate(route: string): void;
}

export function createRendererLink(getTarget: () => SendTarget | null): RendererLink {
  const send = (channel: string, payload: unknown) => {
    const target = getTarget();
    if (target && !target.isDestroyed()) target.send(channel, payload);
  };
  return {
    sendEvent: (event) => send(IPC_EVENT_CHANNEL, event),
    navigate: (route) => send(SHELL_CHANNELS.navigate, route),
  };
}
