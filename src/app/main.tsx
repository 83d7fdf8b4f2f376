import './fonts.css';
import '@xyflow/react/dist/style.css';
import './palette.css';
import './styles.css';
import './diagram.css';
import './flowChrome.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startLanguage } from './i18n/languageStore.ts';
import { createLayoutClient } from './layoutClient.ts';
import { startTheme } from './theme/themeStore.ts';

// Before the first render: data-theme, data-motion and lang are on <html> from the first paint.
startTheme();
startLanguage();

// The layout worker starts loading now, in parallel with React's first
// render: starting ELK is most of the time to a painted diagram.
const client = createLayoutClient();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
