import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeQuarantine, makeSetup, makeStatus, minutesAgo } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { emit, renderApp } from './renderApp.js';

const fresh = () =>
  makeStatus({ received: 0, quarantined: 0, lastPostbackAt: null, testPostbackAt: null }, { unread: 0 });

describe('setup', () => {
  it('is what a new user sees first, and flips to Connected on the status event', async () => {
    const client = createFakeClient({ status: fresh(), feed: [] });
    renderApp(client, '');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connect impact.com' })).toBeTruthy();
    expect((await screen.findByTestId('postback-url')).textContent).toBe('http://127.0.0.1:8787/postback/s3cr3t');
    expect(screen.getByTestId('connection-state').textContent).toBe('Waiting for the test postback…');

    await emit(client, { type: 'status', status: makeStatus({ received: 1, testPostbackAt: minutesAgo(0) }) });
    expect(screen.getByTestId('connection-state').textContent).toBe('Connected');
    expect(screen.getByTestId('received-count').textContent).toBe('1');
  });

  it('gives the real port in the tunnel commands and copies URL, commands and templates', async () => {
    const client = createFakeClient({ setup: makeSetup({ receiverPort: 9191 }) });
    renderApp(client, '#/setup');
    const user = userEvent.setup();
    expect(await screen.findByText('cloudflared tunnel --url http://localhost:9191')).toBeTruthy();
    expect(screen.getByText('ngrok http 9191')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy postback URL' }));
    await user.click(screen.getByRole('button', { name: 'Copy the cloudflared command' }));
    await user.click(screen.getByRole('button', { name: 'Copy the JSON body template' }));
    await user.click(screen.getByRole('button', { name: 'Copy the GET URL template' }));
    expect(client.copied).toEqual([
      'http://127.0.0.1:8787/postback/s3cr3t',
      'cloudflared tunnel --url http://localhost:9191',
      makeSetup().templates.jsonPost,
      makeSetup().templates.getUrl,
    ]);
    expect(screen.getByRole('button', { name: 'Copy postback URL' }).textContent).toBe('Copied');
  });

  it("says what goes in impact.com's Success Response field, exactly what the receiver answers", async () => {
    const client = createFakeClient({ setup: makeSetup({ successResponse: 'OK' }) });
    renderApp(client, '#/setup');
    const user = userEvent.setup();
    expect((await screen.findByTestId('success-response')).textContent).toBe('OK');
    expect(screen.getByRole('heading', { level: 3, name: 'Success Response' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy the Success Response' }));
    expect(client.copied).toEqual(['OK']);
  });

  it('shows the optional header when one is set', async () => {
    const client = createFakeClient({ setup: makeSetup({ headerName: 'X-Shelfwatch', headerValue: 'h3ader' }) });
    renderApp(client, '#/setup');
    expect(await screen.findByText('X-Shelfwatch: h3ader')).toBeTruthy();
  });

  it('lists quarantined postbacks with their raw body as text and re-processes them', async () => {
    const client = createFakeClient();
    renderApp(client, '#/setup');
    const user = userEvent.setup();
    const entry = await screen.findByTestId('quarantine-entry');
    expect(within(entry).getByText('No item id: no key maps to catalogItemId')).toBeTruthy();
    expect(entry.querySelector('pre')?.textContent).toBe('{"artikel":"X-1","katalog":"7001","preis":"19.99"}');
    await user.click(screen.getByRole('button', { name: 'Re-process' }));
    expect(client.callsOf('reprocessQuarantine')).toHaveLength(1);
    expect(await screen.findByText('Re-processed 1; 0 still need attention.')).toBeTruthy();
  });

  it('reloads the quarantine list when the status says its count changed', async () => {
    const client = createFakeClient({ quarantine: [] });
    renderApp(client, '#/setup');
    expect(await screen.findByText(/None: every postback/)).toBeTruthy();
    client.data.quarantine = [makeQuarantine({ id: 'q9', reason: 'Body is not JSON' })];
    await emit(client, { type: 'status', status: makeStatus({ quarantined: 2 }) });
    await waitFor(() => expect(screen.getAllByTestId('quarantine-entry')).toHaveLength(1));
  });

  it('shows the port the receiver really listens on, and the flag that set it', async () => {
    const overrides = [{ setting: 'receiver.port' as const, value: 18787, setBy: '--receiver-port' }];
    const client = createFakeClient({ setup: makeSetup({ receiverPort: 18787, overrides }) });
    renderApp(client, '#/setup');
    const inUse = await screen.findByTestId('receiver-in-use');
    expect(inUse.textContent).toContain('The receiver listens on 127.0.0.1:18787 (port set by --receiver-port).');
    expect(screen.getByText('cloudflared tunnel --url http://localhost:18787')).toBeTruthy();
  });

  it('explains what the GET template loses when trimmed, and what a repeat is', async () => {
    const client = createFakeClient({ status: makeStatus({ duplicates: 4 }) });
    renderApp(client, '#/setup');
    expect((await screen.findByTestId('template-get-note')).textContent).toMatch(
      /keep Name and Url: without them the feed shows item ids instead of names and offers no\s+product link/,
    );
    expect(screen.getByTestId('repeat-count').textContent).toBe('4 deliveries that changed nothing');
  });
});
