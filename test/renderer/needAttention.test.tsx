// "Need attention" (the quarantine, in Setup): each entry says why, one that was partly applied says so, and entries
// can be dismissed one by one or all (after a confirmation), with the status line's count following.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeQuarantine, makeStatus } from '../fakes/ui-data.js';
import { createFakeClient } from './fakeApi.js';
import { renderApp } from './renderApp.js';

const entries = () => screen.queryAllByTestId('quarantine-entry');
const statusLine = () => screen.getByTestId('status-line').textContent ?? '';

describe('need attention', () => {
  it('dismisses one entry, then all after a confirmation, and the status line follows', async () => {
    const price = makeQuarantine({
      id: 'q2',
      seq: 41,
      reason: 'CurrentPrice "thirty-four" is not a price',
      applied: true,
      raw: {
        method: 'POST',
        query: '',
        contentType: 'application/json',
        headers: {},
        body: '{"CurrentPrice":"thirty-four"}',
      },
    });
    const junk = makeQuarantine({
      id: 'q1',
      reason: 'the body is not valid JSON',
      raw: { ...price.raw, body: 'hello impact' },
    });
    const client = createFakeClient({ quarantine: [price, junk], status: makeStatus({ quarantined: 2 }) });
    renderApp(client, '#/setup');
    const user = userEvent.setup();
    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(statusLine()).toContain('2 need attention');
    expect(within(entries()[0] as HTMLElement).getByText(/its other fields were applied/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Dismiss: CurrentPrice "thirty-four" is not a price' }));
    expect(client.callsOf('dismissQuarantine')).toEqual([{ ids: ['q2'] }]);
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(await screen.findByText('Dismissed 1; 1 still need attention.')).toBeTruthy();
    await waitFor(() => expect(statusLine()).toContain('1 need attention'));

    await user.click(screen.getByRole('button', { name: 'Dismiss all' }));
    expect(client.callsOf('dismissQuarantine')).toHaveLength(1); // asked first
    const confirm = screen.getByRole('group', { name: 'Dismiss all 1 without re-processing them?' });
    await user.click(within(confirm).getByRole('button', { name: 'Dismiss all' }));
    expect(client.callsOf('dismissQuarantine').at(-1)).toEqual({});
    expect(await screen.findByText(/None: every postback/)).toBeTruthy();
    await waitFor(() => expect(statusLine()).not.toContain('need attention'));
  });
});
