import type { Page, Route } from 'playwright-core';

// What browser tests do to the page's requests: hold them back (the worker, a chunk), swap a diagram's file.

/**
 * The layout worker's own script: `layout.worker.ts?worker_file` from the dev
 * server, `layout.worker-<hash>.js` from a build; not the module that tells
 * the page its URL (`?worker&url`), which the page needs to load at all.
 */
export const LAYOUT_WORKER_SCRIPT = /layout\.worker[^/]*(\?worker_file|\.js$)/;

/**
 * Holds the layout worker's script until `release()`, so a view stays
 * loading as long as a test needs, as on a slow machine starting the engine.
 * Open the page with `waitUntil: 'domcontentloaded'`: a held worker holds
 * its load event.
 */
export function holdLayoutWorker(page: Page): Promise<() => Promise<void>> {
  return holdRequests(page, LAYOUT_WORKER_SCRIPT);
}

/** Holds every request `url` matches (a script, a fetch) until `release()`, as a slow network would. */
export async function holdRequests(
  page: Page,
  url: Parameters<Page['route']>[0],
): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(url, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return async () => {
    released = true;
    for (const route of held.splice(0)) await route.continue();
  };
}

/**
 * Serves `file` of diagrams/ to the dev server's page with other content, as
 * if it were on disk (the app imports each file as a `?raw` module).
 */
export async function replaceDiagram(page: Page, file: string, text: string): Promise<void> {
  await page.route(
    (url) => url.pathname === `/diagrams/${file}`,
    (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `export default ${JSON.stringify(text)};`,
      }),
  );
}
