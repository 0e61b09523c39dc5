// One wording for "can this app reach the Shelfwatch it shows?", in the tray, the desktop's status line and the
// browser's: "Hub unreachable since 10:32 — retrying". Each caller formats the time its own way.
import type { HubConnection } from '../contract/status.js';

export interface ConnectionWords {
  /** what is being reached: "the hub" for a device, "Shelfwatch" for this computer's own UI in a browser */
  subject: 'hub' | 'shelfwatch';
  /** an ISO time as the user reads a clock time, e.g. "10:32" */
  time: (iso: string) => string;
}

/** null while connected: nothing to say. */
export function connectionText(
  connection: Pick<HubConnection, 'state' | 'since' | 'error'>,
  words: ConnectionWords,
): string | null {
  const name = words.subject === 'hub' ? 'Hub' : 'Shelfwatch';
  switch (connection.state) {
    case 'live':
      return null;
    case 'connecting':
      return words.subject === 'hub' ? 'Connecting to the hub…' : 'Connecting to Shelfwatch…';
    case 'unreachable':
      return connection.since
        ? `${name} unreachable since ${words.time(connection.since)} — retrying`
        : `${name} unreachable — retrying`;
    case 'refused': {
      // The follower's reasons end in "Pair again." already: say where, once.
      const reason = connection.error ?? 'The hub no longer accepts this device.';
      return /pair again\.$/i.test(reason)
        ? reason.replace(/again\.$/i, 'again in Settings.')
        : `${reason} Pair again in Settings.`;
    }
  }
}
