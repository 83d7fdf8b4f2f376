// First, so the opening page's layouts are on their way before React and the views run.
import { openingCode } from './prefetch.ts';
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
import { takeTeacherSecret } from './live/gate.ts';
import { prebuiltAnswer } from './prebuilt.ts';
import { startTheme } from './theme/themeStore.ts';

// The teacher's secret leaves the address bar before anything can show it (live/gate.ts).
takeTeacherSecret();
// Before the first render: data-theme, data-motion and lang are on <html> from the first paint.
startTheme();
startLanguage();
// Keys pressed while a flow, deck or speaker view loads wait for it (keyBuffer.ts).
startKeyBuffer();

// `?limits=nodes=8000,timeout=60` raises the limits and the layout timeout
// for this visit, on every route (docs/hardening.md#limits).
const setting = readLimitsSetting(window.location.search);
if (setting.problem) console.warn(`Flowdeck: ?limits= ignored: ${setting.problem}`);

// Layouts come ready-made for the diagrams of diagrams/ (the build's files,
// or the dev server's on demand: prebuilt.ts); the layout worker starts only
// for the rest (the editor, a shared link, a collapsed group). Those it
// lays out persist in the layout store, keyed by the worker's URL, which a
// build names by the bundle's hash; the dev server (`import.meta.hot`) keeps
// one URL while the code changes, so it gets no store. (Not
// `import.meta.env.DEV`: a build made with NODE_ENV=test, as the e2e tests
// make, is DEV too, and hashed all the same.)
const client = createLayoutClient({
  prebuilt: prebuiltAnswer,
  store: import.meta.hot ? undefined : openLayoutStore({ version: LAYOUT_WORKER_URL }),
  limits: setting.limits,
  timeoutMs: setting.timeoutMs,
});

// The first render waits for the opening view's code, but not for long: a
// page with nothing on it yet shows its skeleton soon all the same.
const OPENING_CODE_WAIT_MS = 250;
const root = document.getElementById('root');
const waited = new Promise((resolve) => setTimeout(resolve, OPENING_CODE_WAIT_MS));
void Promise.race([openingCode, waited]).then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App client={client} limitsProblem={setting.problem} />
    </StrictMode>,
  );
});
