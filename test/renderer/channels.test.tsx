// Settings → Channels on the hub's own UI: add one by pasting its URL (with help for the service it looks like), a
// webhook's signing secret shown once, the status in plain words, Test, Disable, Edit and Delete after a confirm.
// A device following a hub does not see the section (its API would answer 403).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.js';
import { makeChannel, makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('Settings → Channels', () => {
  it('adds a webhook from its URL, says where the URL comes from, and shows the signing secret once', async () => {
    const client = createFakeClient();
    renderApp(client, '#/settings');
    const section = await screen.findByTestId('channels');
    expect(await within(section).findByText('No channels yet.')).toBeTruthy(); // once the list has loaded
    const user = userEvent.setup();
    const url = within(section).getByRole('textbox', { name: 'Channel URL' });
    await user.type(url, 'https://hooks.slack.com/services/T1/B2/C3');
    expect(within(section).getByText(/^Slack: In Slack: Apps → Incoming Webhooks/)).toBeTruthy();
    await user.clear(url);
    await user.type(url, 'jsons://hooks.example.com/shelfwatch');
    expect(within(section).getByText(/^Your own webhook: Any endpoint that takes a JSON POST/)).toBeTruthy();
    await user.type(within(section).getByRole('textbox', { name: 'Name' }), 'Ops');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Messages' }), 'Each alert at once');
    await user.click(within(section).getByRole('button', { name: 'Add channel' }));

    expect(client.callsOf('createChannel')).toEqual([
      { name: 'Ops', url: 'jsons://hooks.example.com/shelfwatch', digestSeconds: 0, filter: {} },
    ]);
    const secret = await screen.findByTestId('signing-secret');
    expect(secret.textContent).toContain('whsec_c2VjcmV0LXNpZ25pbmcta2V5');
    await user.click(within(secret).getByRole('button', { name: 'Copy the signing secret' }));
    expect(client.copied).toEqual(['whsec_c2VjcmV0LXNpZ25pbmcta2V5']);
    await user.click(within(secret).getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByTestId('signing-secret')).toBeNull();
    const [row] = await screen.findAllByTestId('channel-row');
    expect(row?.textContent).toMatch(/^OpsYour own webhook · jsons:\/\/hooks\.example\.com\/…Nothing sent yet/);
    expect((within(section).getByRole('textbox', { name: 'Channel URL' }) as HTMLInputElement).value).toBe('');
  });

  it('narrows a channel to some rule kinds, and says why a URL was refused', async () => {
    const client = createFakeClient(
      {},
      {
        createChannel: async () => {
          throw new ApiError(400, 'This channel URL cannot be used: the topic is missing: ntfy://host/topic.');
        },
      },
    );
    renderApp(client, '#/settings');
    const section = await screen.findByTestId('channels');
    const user = userEvent.setup();
    await user.type(within(section).getByRole('textbox', { name: 'Channel URL' }), 'ntfy://ntfy.example.com');
    await user.click(within(section).getByRole('checkbox', { name: 'Every alert a watch raises' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Back in stock' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Out of stock' }));
    await user.click(within(section).getByRole('button', { name: 'Add channel' }));
    expect(client.callsOf('createChannel')).toEqual([
      {
        name: 'ntfy',
        url: 'ntfy://ntfy.example.com',
        digestSeconds: 60,
        filter: { kinds: ['back-in-stock', 'out-of-stock'] },
      },
    ]);
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'Not added: This channel URL cannot be used: the topic is missing: ntfy://host/topic.',
    );
  });

  it('shows how delivery goes in plain words: waiting, last sent, not delivered, the last error', async () => {
    const client = createFakeClient({
      channels: [
        makeChannel({
          status: {
            pending: 2,
            failed: 1,
            lastSentAt: minutesAgo(5),
            lastError: 'Slack answered 503: the service is having trouble; trying again',
            lastErrorAt: minutesAgo(1),
          },
        }),
        makeChannel({
          id: 'c2',
          name: 'Mail',
          kind: 'email',
          enabled: false,
          status: {
            pending: 0,
            failed: 0,
            lastSentAt: minutesAgo(60),
            lastError: 'an old error',
            lastErrorAt: minutesAgo(120),
          },
        }),
      ],
    });
    renderApp(client, '#/settings');
    const rows = await screen.findAllByTestId('channel-status');
    expect(rows.map((row) => row.textContent)).toEqual([
      '2 waiting · Last sent 5 min ago · 1 not delivered1 min ago: Slack answered 503: the service is having trouble; trying again',
      'Disabled Last sent 1 h ago',
    ]);
  });

  it('Test says delivered or the target’s answer; Disable, Edit and Delete (after a confirm) call the API', async () => {
    const client = createFakeClient({ channels: [makeChannel()] });
    renderApp(client, '#/settings');
    const row = await screen.findByTestId('channel-row');
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Test' }));
    expect((await within(row).findByRole('status')).textContent).toBe('Test message delivered.');
    client.data.channels = [makeChannel()];

    await user.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(client.callsOf('updateChannel')).toEqual([{ id: 'c1', enabled: false }]);
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Enable' })).toBeTruthy());

    await user.click(within(row).getByRole('button', { name: 'Edit' }));
    const form = within(row).getByRole('form', { name: 'Edit Team Slack' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Deals');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Messages' }), 'A daily summary');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(client.callsOf('updateChannel').at(-1)).toEqual({
      id: 'c1',
      name: 'Deals',
      digestSeconds: 86_400,
      filter: {},
    });

    await user.click(await screen.findByRole('button', { name: 'Delete Deals' }));
    expect(client.callsOf('deleteChannel')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(client.callsOf('deleteChannel')).toEqual([{ id: 'c1' }]);
    await waitFor(() => expect(screen.queryAllByTestId('channel-row')).toHaveLength(0));
  });

  it('shows a failed test in the target’s words', async () => {
    const client = createFakeClient(
      { channels: [makeChannel()] },
      {
        testChannel: async () => {
          throw new ApiError(
            502,
            'The test message was not delivered. Slack answered 404 (no_service): the address does not exist (removed, or mistyped).',
          );
        },
      },
    );
    renderApp(client, '#/settings');
    const row = await screen.findByTestId('channel-row');
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Test' }));
    expect((await within(row).findByRole('alert')).textContent).toContain('Slack answered 404 (no_service)');
  });

  it('is not shown to a device following a hub', async () => {
    const client = createFakeClient({
      status: makeStatus({}, { device: { id: 'd1', name: 'Laptop' } }),
      channels: [makeChannel()],
    });
    renderApp(client, '#/settings');
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.queryByTestId('channels')).toBeNull();
    expect(client.callsOf('listChannels')).toEqual([]);
  });
});
