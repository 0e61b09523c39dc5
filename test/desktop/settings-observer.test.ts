import { describe, expect, it } from 'vitest';
import { observeSettings } from '../../main/desktop/settings-observer.js';
import { API_ROUTES } from '../../shared/contract/routes.js';
import type { SettingsPatch } from '../../shared/contract/settings.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract/settings.js';
import { recordingApi } from './fake-ipc.js';

describe('settings observer', () => {
  it('reports every settings update and forwards all methods unchanged', async () => {
    const { api, calls } = recordingApi();
    api.updateSettings = async (patch: SettingsPatch) => ({
      ...DEFAULT_SETTINGS,
      launchAtLogin: patch.launchAtLogin ?? false,
    });
    const seen: Settings[] = [];
    const observed = observeSettings(api, (settings) => seen.push(settings));
    await observed.updateSettings({ launchAtLogin: true });
    await observed.feed({ filter: 'watched' });
    expect(seen.map((s) => s.launchAtLogin)).toEqual([true]);
    expect(calls).toEqual([['feed', { filter: 'watched' }]]);
    expect(Object.keys(observed).sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  it('keeps `this` for an API implemented as a class', async () => {
    class ClassApi {
      private readonly unread = 3;
      async markRead() {
        return { unread: this.unread };
      }
    }
    const { api } = recordingApi();
    api.markRead = ClassApi.prototype.markRead.bind(new ClassApi());
    const observed = observeSettings(Object.assign(Object.create(api), { markRead: api.markRead }), () => {});
    await expect(observed.markRead({ all: true })).resolves.toEqual({ unread: 3 });
  });
});
