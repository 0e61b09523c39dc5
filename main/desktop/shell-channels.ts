// IPC channels besides the UI API (those are ipcChannel(method) in shared/api.ts). The preload repeats these
// strings because it may import only 'electron' and shared/api.ts; test/desktop/preload.test.ts keeps them equal.
export const SHELL_CHANNELS = {
  openExternal: 'shelfwatch:shell:openExternal',
  copyText: 'shelfwatch:shell:copyText',
  /** main → renderer: open a route (a notification was clicked) */
  navigate: 'shelfwatch:navigate',
} as const;
