// Main → renderer messages: live engine events and "open this route" after a notification click.
import type { UiEvent } from '../../shared/contract/events.js';
import { type SendTarget, send } from './ipc-bridge.js';

export interface RendererLink {
  sendEvent(event: UiEvent): void;
  navigate(route: string): void;
}

export function createRendererLink(getTarget: () => SendTarget | null): RendererLink {
  return {
    sendEvent: (event) => send(getTarget(), 'event', event),
    navigate: (route) => send(getTarget(), 'navigate', route),
  };
}
