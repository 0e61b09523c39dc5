// Settings → Data on the hub's own UI: the backups with when, why and how big; "Back up now"; the folder. A device
// following the hub does not see them (the engine answers it 403).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import { makeBackup, makeBackupList, makeStatus, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

describe('Settings → Data', () => {
  it('lists each backup with why it was made, its size and products, and where the folder is', async () => {
    const client = createFakeClient({
      backups: makeBackupList({
        backups: [
          makeBackup({ id: 'b2', at: minutesAgo(30), reason: 'manual', bytes: 4_404_019, products: 1_250 }),
          makeBackup({ id: 'b1', at: minutesAgo(26 * 60), reason: 'daily', bytes: 123_924_480, products: 100_000 }),
          makeBackup({ id: 'b0', at: minutesAgo(3 * 1440), reason: 'migration', bytes: 350_000, products: 900 }),
        ],
      }),
    });
    renderApp(client, '#/settings');
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((row) => row.querySelector('.muted')?.textContent)).toEqual([
      'Backed up by hand · 4.2 MB · 1,250 products · 30 min ago',
      'Daily · 118 MB · 100,000 products · yesterday',
      'Before a database update · 342 KB · 900 products · 3 days ago',
    ]);
    const data = screen.getByTestId('data-settings');
    expect(within(data).getByTestId('backup-folder').textContent).toBe('/home/ada/.config/Shelfwatch/backups');
    await userEvent.setup().click(within(data).getByRole('button', { name: 'Copy the backup folder’s path' }));
    expect(client.copied).toEqual(['/home/ada/.config/Shelfwatch/backups']);
    expect(data.textContent).toMatch(/Next daily backup: /);
  });

  it('backs up now: the new backup heads the list', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    await screen.findAllByTestId('backup-row');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(client.callsOf('backUpNow')).toHaveLength(1);
    expect(await screen.findByText('Backed up.')).toBeTruthy();
    const rows = screen.getAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toMatch(/Backed up by hand · 118 MB · 100,000 products · just now$/);
  });

  it('says why a backup could not be made, and shows one that failed its check as never used', async () => {
    const failing = 'The copy failed SQLite’s integrity check: the database itself is damaged.';
    const client = createFakeClient(
      { backups: makeBackupList({ backups: [makeBackup({ verified: false })] }) },
      {
        backUpNow: async () => {
          throw new ApiError(503, failing);
        },
      },
    );
    renderApp(client, '#/settings');
    const user = userEvent.setup();
    expect((await screen.findByTestId('backup-row')).textContent).toMatch(/Failed its check: never used · /);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Not backed up: ${failing}`);
  });

  it('is not shown to a device following the hub', async () => {
    const client = createFakeClient({ status: makeStatus({}, { device: { id: 'd1', name: 'Ada' } }) });
    renderApp(client, '#/settings');
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.queryByTestId('data-settings')).toBeNull();
    expect(client.callsOf('listBackups')).toEqual([]);
  });
});
