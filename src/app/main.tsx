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
import { startKeyBuffer } from './keyBuffer.ts';
import { createLayoutClient, LAYOUT_WORKER_URL } from './layoutClient.ts';
import { openLayoutStore } from './layoutStore.ts';
import { readLimitsSetting } from './limitsSetting.ts';
import { startTheme } from './theme/themeStore.ts';

// Before the first render: data-theme, data-motion and lang are on <html> from the first paint.
startTheme();
startLanguage();
// Keys pressed while a flow, deck or speaker view loads wait for it (keyBuffer.ts).
startKeyBuffer();

// `?limits=nodes=8000,timeout=60` raises the limits and the layout timeout
// for this visit, on every route (docs/hardening.md#limits).
const setting = readLimitsSetting(window.location.search);
if (setting.problem) console.warn(`Flowdeck: ?limits= ignored: ${setting.problem}`);

// The layout worker starts loading now, in parallel with React's first
// render: starting ELK is most of the time to a painted diagram, unless the
// layout store kept this diagram from an earlier visit. The store keys its
// layouts by the worker's URL, which a build names by the bundle's hash; the
// dev server (`import.meta.hot`) keeps one URL while the code changes, so it
// gets no store. (Not `import.meta.env.DEV`: a build made with NODE_ENV=test,
// as the e2e tests make, is DEV too, and hashed all the same.)
const client = createLayoutClient({
  store: import.meta.hot ? undefined : openLayoutStore({ version: LAYOUT_WORKER_URL }),
  limits: setting.limits,
  timeoutMs: setting.timeoutMs,
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} limitsProblem={setting.problem} />
    </StrictMode>,
  );
}
