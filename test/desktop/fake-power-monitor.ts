// A typed stand-in for Electron's powerMonitor: a test emits 'resume' or 'unlock-screen'.
import type { PowerMonitorLike } from '../../main/desktop/wake.js';

type PowerEvent = 'resume' | 'unlock-screen';

export class FakePowerMonitor implements PowerMonitorLike {
  private readonly listeners = new Map<string, Set<() => void>>();

  on(event: PowerEvent, listener: () => void): this {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set.add(listener));
    return this;
  }
  removeListener(event: PowerEvent, listener: () => void): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: PowerEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  count(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}
