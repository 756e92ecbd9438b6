import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { CoreProvider } from './state/core-context.js';
import { selectTransport } from './transport/select-transport.js';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const transport = selectTransport(window);
root.render(
  <StrictMode>
    {transport ? (
      <CoreProvider transport={transport}>
        <App />
      </CoreProvider>
    ) : (
      <main className="center-page">
        <h1>Not authorised</h1>
        <p>Open the link that "sn2 ui" printed when it started: it carries the access token for this page.</p>
      </main>
    )}
  </StrictMode>,
);
