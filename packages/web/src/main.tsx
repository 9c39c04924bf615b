import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './notifications.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureClient } from './api/client';
import { App } from './App';
import i18n from './i18n';

configureClient({
  getLanguage: () => i18n.language,
  fallbackMessage: (kind) => i18n.t(kind === 'network' ? 'common.networkError' : 'common.unknownError'),
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
