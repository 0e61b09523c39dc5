// The desktop face reacts to settings however they change (window, tray): notifier, tray pause, login item.
// Wrapping the API once means every caller of updateSettings is seen, without the engine knowing about it.
import { mapUiApi, type UiApi } from '../../shared/contract/api.js';
import type { Settings } from '../../shared/contract/settings.js';

export function observeSettings(api: UiApi, onChange: (settings: Settings) => void): UiApi {
  // method by method (not a spread), so an engine whose api is a class instance keeps its `this`
  const forwarded = mapUiApi((method, req) => api[method](req));
  forwarded.updateSettings = async (patch) => {
    const settings = await api.updateSettings(patch);
    onChange(settings);
    return settings;
  };
  return forwarded;
}
