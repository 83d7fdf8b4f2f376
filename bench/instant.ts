/**
 * Issue 18's other first loads, on the built site served by bench/browser.ts:
 * a lesson deck's first slide opened by its URL, the two speaker views
 * opened alone (as a presenter opening the speaker URL would: no audience
 * window answers its BroadcastChannel hello), and the gallery until every
 * card's thumbnail is drawn. Cold: a new browser context per load; warm: one
 * context, one uncounted load, then the counted ones (the gallery: cold
 * only). Each load also records when the page built a layout worker, what
 * it said and heard on BroadcastChannel, and, for one cold load per view,
 * the network waterfall (resource timing), to tell what the paint waits for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { isDeckSource } from '../src/core/deck/isDeckSource.ts';
import { parseDeck } from '../src/core/deck/parseDeck.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { ROOT, table } from './bundle.ts';
import { pageErrors, type Stats, stats } from './results.ts';

const VIEWPORT = { width: 1280, height: 800 };
/** Long enough for a view that falls back to the layout worker; a view that waits for ever stops its runs. */
const TIMEOUT_MS = 10_000;

/**
 * Installed in the page before its scripts; `ready` is a JavaScript
 * expression that is true once the view is drawn. Resolves `__fdInstant`
 * when it is, the fonts are ready and two animation frames have passed
 * (as browser.ts's probe does), with what happened on the way, all in
 * `performance.now()` (ms since navigation start). Plain JavaScript in a
 * string, so no TypeScript helper sneaks into the page.
 */
const PROBE = `(ready, timeoutMs) => {
  const log = { workers: [], said: [], heard: [], rendered: null, progress: null, progressShown: null, frames: [], timers: [] };
  const file = (url) => (url ? url.split('/').pop().split('?')[0] : '');
  // Timers of 100 ms or more: a paint held back by one shows as a quiet gap.
  const setTimeout0 = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay >= 100 && log.timers.length < 20) {
      const at = (new Error().stack || '').split('\\n')[2] || '';
      const where = /([^/(\\s]+:\\d+:\\d+)\\)?$/.exec(at);
      log.timers.push([Math.round(performance.now()), Math.round(delay), where ? where[1] : '?']);
    }
    return setTimeout0.call(this, fn, delay, ...rest);
  };
  try {
    // Frames the main thread kept waiting (> 50 ms), with the scripts that ran in them.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        log.frames.push({
          start: Math.round(e.startTime),
          ms: Math.round(e.duration),
          scripts: e.scripts
            .filter((s) => s.duration >= 5)
            .map((s) => file(s.sourceURL) + ' ' + s.invokerType + ' ' + Math.round(s.duration)),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const Worker0 = window.Worker;
  window.Worker = class extends Worker0 {
    constructor(...args) {
      super(...args);
      log.workers.push(performance.now());
    }
  };
  const Channel0 = window.BroadcastChannel;
  if (Channel0) {
    window.BroadcastChannel = class extends Channel0 {
      constructor(name) {
        super(name);
        this.addEventListener('message', (e) => log.heard.push([performance.now(), (e.data && e.data.type) || '?']));
      }
      postMessage(message) {
        log.said.push([performance.now(), (message && message.type) || '?']);
        return super.postMessage(message);
      }
    };
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const resources = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const list = performance.getEntriesByType('resource').map((e) => ({
      name: new URL(e.name).pathname.split('/').pop() || '/',
      type: e.initiatorType,
      start: Math.round(e.startTime),
      end: Math.round(e.responseEnd),
    }));
    if (nav) list.unshift({ name: 'document', type: 'navigation', start: 0, end: Math.round(nav.responseEnd) });
    return list;
  };
  window.__fdInstant = new Promise((resolve) => {
    let done = false;
    const check = () => {
      if (done) return;
      const root = document.getElementById('root');
      if (log.rendered === null && root && root.firstElementChild) log.rendered = performance.now();
      const progress = document.querySelector('.fd-progress');
      if (log.progress === null && progress) log.progress = performance.now();
      if (log.progressShown === null && progress && !progress.hidden) log.progressShown = performance.now();
      if (!ready()) return;
      done = true;
      observer.disconnect();
      const drawn = performance.now();
      document.fonts.ready.then(frame).then(frame).then(() => {
        resolve({ drawn, painted: performance.now(), log, resources: resources() });
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    setTimeout0(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve({
        error: 'not drawn after ' + timeoutMs + ' ms; page says: ' +
          (document.body ? document.body.innerText.replace(/\\s+/g, ' ').slice(0, 200) : ''),
        log,
        resources: resources(),
      });
    }, timeoutMs);
  });
}`;

/** One request of the page: file name, initiator, start and end (ms since navigation start). */
export interface Resource {
  name: string;
  type: string;
  start: number;
  end: number;
}

interface Log {
  /** When the page built a Worker (the layout worker), if it did. */
  workers: number[];
  /** BroadcastChannel messages posted and received: [time, kind]. */
  said: [number, string][];
  heard: [number, string][];
  /** The app's first element under #root. */
  rendered: number | null;
  /** A layout progress element (LayoutProgress, DeckWait) was rendered (hidden for its first 150 ms)… */
  progress: number | null;
  /** …and shown. */
  progressShown: number | null;
  /** Long animation frames (> 50 ms): start, duration, the scripts that ran (file, invoker, ms). */
  frames: { start: number; ms: number; scripts: string[] }[];
  /** Timers of 100 ms or more the page set: [when, delay, file:line:col of the caller]. */
  timers: [number, number, string][];
}

type Probe =
  | { drawn: number; painted: number; log: Log; resources: Resource[] }
  | { error: string; log: Log; resources: Resource[] };

export interface ViewLoads {
  /** ms from navigation start to painted, one per counted load. */
  painted: number[];
  stats: Stats | null;
  /** Loads in which the page built a layout worker. */
  withWorker: number;
  /** Loads in which a layout progress element was shown (past its first 150 ms, hidden). */
  withProgress: number;
  /** Why loads failed (not drawn in TIMEOUT_MS, page errors); a failure stops the mode's runs. */
  errors: string[];
}

export interface InstantView {
  name: string;
  url: string;
  cold: ViewLoads;
  warm: ViewLoads | null;
  /** One cold load's log and requests, to read the critical path from. */
  sample: { painted: number | null; log: Log; resources: Resource[] } | null;
}

export interface InstantResults {
  timeoutMs: number;
  views: InstantView[];
}

interface View {
  name: string;
  hash: string;
  ready: string;
  warm: boolean;
}

/** The views issue 18 times, from the files of diagrams/: the first deck, its first diagram's flow, the gallery. */
export function instantViews(): View[] {
  const files = readdirSync(join(ROOT, 'diagrams'))
    .filter((f) => /\.(mmd|mermaid|ya?ml)$/.test(f))
    .sort()
    .map((name) => ({
      file: `diagrams/${name}`,
      text: readFileSync(join(ROOT, 'diagrams', name), 'utf8'),
    }));
  const decks = files.flatMap((f) =>
    isDeckSource(f.text) ? [parseDeck(f.text, f).deck ?? []].flat() : [],
  );
  const models = new Map(
    files.flatMap((f) => {
      if (isDeckSource(f.text)) return [];
      const { model } = parseDiagram(f.text, { file: f.file });
      return model ? [[model.id, model] as const] : [];
    }),
  );
  const deck = decks[0];
  const first = deck?.entries[0];
  const model = first ? models.get(first.diagram) : undefined;
  if (!deck || !first || !model) throw new Error('no lesson deck with a diagram in diagrams/');
  const flow = first.flow ?? model.flows[0]?.id;
  if (!flow) throw new Error(`${first.diagram} has no flow for the speaker view`);
  const id = encodeURIComponent;
  const preview = `document.querySelector('.fd-speaker .fd-speaker-preview .fd-thumb, .fd-speaker .fd-speaker-preview[data-end]') !== null`;
  return [
    {
      name: `deck ${deck.id}, slide 1`,
      hash: `#/deck/${id(deck.id)}/1`,
      // The deck bar and every node of the slide's diagram (groups count).
      ready: `document.querySelector('.fd-deckbar') !== null && document.querySelectorAll('.fd-canvas .react-flow__node').length === ${model.nodes.length}`,
      warm: true,
    },
    {
      name: `speaker ${first.diagram} / ${flow} / 1`,
      hash: `#/speaker/${id(first.diagram)}/${id(flow)}/1`,
      // The caption and the next step drawn small.
      ready: preview,
      warm: true,
    },
    {
      name: `speaker-deck ${deck.id}, slide 1`,
      hash: `#/speaker-deck/${id(deck.id)}/1`,
      ready: preview,
      warm: true,
    },
    {
      name: `gallery, ${models.size} cards`,
      hash: '#/',
      // Every card with its thumbnail drawn, none still loading.
      ready: `document.querySelectorAll('.fd-card .fd-card-thumb .fd-thumb').length === ${models.size} && document.querySelector('.fd-card-thumb[data-loading]') === null`,
      warm: false,
    },
  ];
}

async function load(context: BrowserContext, url: string, ready: string): Promise<Probe> {
  const page = await context.newPage();
  try {
    const errors = pageErrors(page);
    await page.addInitScript({
      content: `(${PROBE})(() => (${ready}), ${TIMEOUT_MS});`,
    });
    await page.goto(url, { timeout: TIMEOUT_MS * 3 });
    const result = (await page.evaluate('window.__fdInstant')) as Probe | undefined;
    if (!result) throw new Error(`${url}: the probe did not run; ${errors.join('; ')}`);
    if (errors.length && !('error' in result))
      return { error: errors.join('; '), log: result.log, resources: result.resources };
    if ('error' in result && errors.length) result.error += `; ${errors.join('; ')}`;
    return result;
  } finally {
    await page.close();
  }
}

async function runs(
  browser: Browser,
  url: string,
  ready: string,
  count: number,
  mode: 'cold' | 'warm',
): Promise<{ loads: ViewLoads; first: Probe | null }> {
  const probes: Probe[] = [];
  const shared = mode === 'warm' ? await browser.newContext({ viewport: VIEWPORT }) : null;
  try {
    if (shared) {
      const filling = await load(shared, url, ready); // fills the caches; not counted
      if ('error' in filling) probes.push(filling);
    }
    while (probes.length < count && !probes.some((p) => 'error' in p)) {
      const context = shared ?? (await browser.newContext({ viewport: VIEWPORT }));
      try {
        probes.push(await load(context, url, ready));
      } finally {
        if (!shared) await context.close();
      }
    }
  } finally {
    await shared?.close();
  }
  const good = probes.flatMap((p) => ('error' in p ? [] : [p]));
  const painted = good.map((p) => Math.round(p.painted * 10) / 10);
  return {
    loads: {
      painted,
      stats: painted.length ? stats(painted) : null,
      withWorker: probes.filter((p) => p.log.workers.length > 0).length,
      withProgress: probes.filter((p) => p.log.progressShown !== null).length,
      errors: probes.flatMap((p) => ('error' in p ? [p.error] : [])),
    },
    first: probes[0] ?? null,
  };
}

/** Times every view of `instantViews()` on the site at `base`, `count` loads per view and mode. */
export async function measureInstant(
  browser: Browser,
  base: string,
  count: number,
): Promise<InstantResults> {
  const views: InstantView[] = [];
  for (const view of instantViews()) {
    process.stderr.write(`${view.name} `);
    const url = `${base}${view.hash}`;
    const cold = await runs(browser, url, view.ready, count, 'cold');
    const warm = view.warm ? await runs(browser, url, view.ready, count, 'warm') : null;
    const first = cold.first;
    views.push({
      name: view.name,
      url: view.hash,
      cold: cold.loads,
      warm: warm?.loads ?? null,
      sample: first && {
        painted: 'error' in first ? null : Math.round(first.painted),
        log: first.log,
        resources: first.resources,
      },
    });
  }
  process.stderr.write('\n');
  return { timeoutMs: TIMEOUT_MS, views };
}

const ms = (v: number) => v.toFixed(0);
const range = (s: Stats | null) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '–');

/** The table of painted times, then what each view waited for, from its sample load. */
export function formatInstant(r: InstantResults, runCount: number): string {
  const rows = [
    ['view', 'cold ms median (min–max)', 'warm ms median (min–max)', 'worker', 'progress shown'],
  ];
  for (const v of r.views) {
    const loads = [v.cold, ...(v.warm ? [v.warm] : [])];
    const all = loads.reduce((a, l) => a + l.painted.length + l.errors.length, 0);
    rows.push([
      `${v.name} (${v.url})`,
      range(v.cold.stats),
      v.warm ? range(v.warm.stats) : 'not timed',
      `${loads.reduce((a, l) => a + l.withWorker, 0)} of ${all}`,
      `${loads.reduce((a, l) => a + l.withProgress, 0)} of ${all}`,
    ]);
  }
  const lines = [table(rows)];
  lines.push(
    `\n${runCount} loads per view and mode, ${VIEWPORT.width}×${VIEWPORT.height}, painted as the diagram URL's ` +
      '(drawn + fonts + two frames). worker: loads that built a layout worker; progress shown: loads ' +
      'that showed layout progress (it is rendered hidden, shown after 150 ms). Speaker views are opened alone: no audience window answers their hello.',
  );
  for (const v of r.views) {
    for (const [mode, l] of [
      ['cold', v.cold],
      ['warm', v.warm],
    ] as const) {
      for (const e of l?.errors ?? []) lines.push(`FAILED ${v.name} ${mode}: ${e}`);
    }
  }
  lines.push('\nOne cold load of each, ms since navigation start (request: start→end):');
  for (const v of r.views) {
    if (!v.sample) continue;
    const { log, resources } = v.sample;
    const said = log.said.map(([t, k]) => `${k}@${ms(t)}`).join(' ') || 'nothing';
    const heard = log.heard.map(([t, k]) => `${k}@${ms(t)}`).join(' ') || 'nothing';
    lines.push(
      `  ${v.name}: painted ${v.sample.painted ?? 'never'}; app rendered ${log.rendered === null ? '–' : ms(log.rendered)}; ` +
        `worker ${log.workers.length ? `built @${ms(log.workers[0] ?? 0)}` : 'not built'}; ` +
        `progress ${log.progress === null ? 'none' : `@${ms(log.progress)}${log.progressShown === null ? '' : `, shown @${ms(log.progressShown)}`}`}; ` +
        `channel said ${said}, heard ${heard}`,
    );
    if (log.timers.length)
      lines.push(`    timers: ${log.timers.map(([t, d, w]) => `@${t} ${d} ms (${w})`).join(', ')}`);
    if (log.frames.length)
      lines.push(
        `    long frames: ${log.frames.map((f) => `@${f.start} ${f.ms} ms [${f.scripts.join('; ')}]`).join(', ')}`,
      );
    lines.push(
      `    ${resources
        .filter((e) => e.type !== 'css' || !e.name.endsWith('.woff2'))
        .map((e) => `${e.name} ${e.start}→${e.end}`)
        .join(', ')}`,
    );
  }
  return lines.join('\n');
}
