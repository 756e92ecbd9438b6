import { useState } from 'react';
import { Onboarding } from './onboarding/Onboarding.js';
import { HardwarePage } from './pages/HardwarePage.js';
import { MiningPage } from './pages/MiningPage.js';
import { ValidatorPage } from './pages/ValidatorPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { LogsPage } from './pages/LogsPage.js';
import { ConnectionBanner } from './components/ConnectionBanner.js';
import { Notifications } from './components/Notifications.js';
import { useConnection } from './state/core-context.js';

const PAGES = {
  mining: 'Mining',
  validator: 'Validator',
  hardware: 'Hardware',
  settings: 'Settings',
  logs: 'Logs',
  onboarding: 'Setup',
} as const;
type PageId = keyof typeof PAGES;

const ONBOARDED_KEY = 'sn2.onboarded';

export function App() {
  const connection = useConnection();
  const [page, setPage] = useState<PageId>(() =>
    localStorage.getItem(ONBOARDED_KEY) ? 'mining' : 'onboarding',
  );
  const finishOnboarding = (next: PageId) => {
    localStorage.setItem(ONBOARDED_KEY, '1');
    setPage(next);
  };

  if (connection === 'unauthorized') {
    return (
      <main className="center-page">
        <h1>Not authorised</h1>
        <p>
          This page needs the link with the access token that "sn2 ui" printed when it started. Open that link
          again.
        </p>
      </main>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Subnet 2</div>
        <ul>
          {(Object.keys(PAGES) as PageId[]).map((id) => (
            <li key={id}>
              <button
                type="button"
                className="nav-item"
                aria-current={page === id ? 'page' : undefined}
                onClick={() => setPage(id)}
              >
                {PAGES[id]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <ConnectionBanner state={connection} />
        <Notifications />
        {page === 'onboarding' && (
          <Onboarding
            onFinish={() => finishOnboarding('hardware')}
            onSkip={() => finishOnboarding('mining')}
          />
        )}
        {page === 'hardware' && <HardwarePage onContinue={() => setPage('mining')} />}
        {page === 'mining' && <MiningPage />}
        {page === 'validator' && <ValidatorPage />}
        {page === 'settings' && <SettingsPage />}
        {page === 'logs' && <LogsPage />}
      </main>
    </div>
  );
}
