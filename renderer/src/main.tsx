import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext.js';
import { getApi } from './api/client.js';
import { App } from './app/App.js';
import './styles.css';

// getApi() runs before the first render: it takes the #token= fragment away before the router reads the hash.
const client = getApi();
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
