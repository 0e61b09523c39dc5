import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext.js';
import { pairThisBrowser, storedDeviceToken, takePairingCode } from './api/browserPairing.js';
import { getApi } from './api/client.js';
import { App } from './app/App.js';
import { BrowserPairing } from './app/BrowserPairing.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
const reactRoot = createRoot(root);

// getApi() runs before the app's first render: it takes the #token= fragment away before the router reads the hash.
function startApp() {
  const client = getApi();
  reactRoot.render(
    <StrictMode>
      <ApiProvider client={client}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}

// A hub's browser link (#pair=<code>): pair first, so the app starts with this browser's device token.
const pairingCode = window.shelfwatch ? null : takePairingCode(window);
if (pairingCode) {
  const pair = () => pairThisBrowser(window, pairingCode, (input, init) => window.fetch(input, init));
  reactRoot.render(
    <StrictMode>
      <BrowserPairing pair={pair} onDone={startApp} pairedBefore={storedDeviceToken(window) !== null} />
    </StrictMode>,
  );
} else startApp();
