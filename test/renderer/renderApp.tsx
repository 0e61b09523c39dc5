import { act, render } from '@testing-library/react';
import { ApiProvider } from '../../renderer/src/api/ApiContext.js';
import { App } from '../../renderer/src/app/App.js';
import type { UiEvent } from '../../shared/contract/events.js';
import type { FakeClient } from './fakeApi.js';

/** Renders the whole app at a hash route, as a user would open it. */
export function renderApp(client: FakeClient, hash = '#/feed') {
  window.location.hash = hash;
  return render(
    <ApiProvider client={client}>
      <App />
    </ApiProvider>,
  );
}

/** A live event from the engine, inside act() so React has applied it when this returns. */
export async function emit(client: FakeClient, event: UiEvent) {
  await act(async () => client.emit(event));
}
