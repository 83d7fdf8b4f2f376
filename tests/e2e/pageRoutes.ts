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
 * A layout made ahead of time (docs/instant.md): the dev server's answer
 * (`/@flowdeck/layout?…`) or a built site's `layouts/<id>.<hash>.json`.
 */
export const PREBUILT_LAYOUT = (url: URL): boolean =>
  url.pathname.startsWith('/@flowdeck/layout') || /\/layouts\/[^/]+\.json$/.test(url.pathname);

/**
 * Holds every layout a view can wait for, made ahead of time or by the
 * worker, until `release()`: the view stays loading as long as a test needs.
 */
export async function holdLayouts(page: Page): Promise<() => Promise<void>> {
  const prebuilt = await holdRequests(page, PREBUILT_LAYOUT);
  const worker = await holdLayoutWorker(page);
  return async () => {
    await prebuilt();
    await worker();
  };
}

/** Leaves the page no layout made ahead of time: it lays every one out in its worker. */
export async function withoutPrebuiltLayouts(page: Page): Promise<void> {
  await page.route(PREBUILT_LAYOUT, (route) => route.fulfill({ status: 404 }));
}

/**
 * Gives the dev server's page `file` of diagrams/ with other content, as if
 * it were on disk: the app reads the folder from `virtual:flowdeck/diagrams`
 * (src/build/diagramsPlugin.ts). Its layout then comes from the worker: the
 * server answers 409 for a text that is not the file's. Call it once per
 * page with every file to replace.
 */
export async function replaceDiagrams(page: Page, texts: Record<string, string>): Promise<void> {
  await page.route(
    (url) => url.pathname.endsWith('virtual:flowdeck/diagrams'),
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /^export const files = (.*);$/m,
        (_, json: string) => {
          const files = (JSON.parse(json) as { file: string; text: string }[]).map((f) => {
            const name = f.file.split('/').pop() ?? '';
            return name in texts ? { ...f, text: texts[name] } : f;
          });
          return `export const files = ${JSON.stringify(files)};`;
        },
      );
      await route.fulfill({ response, body });
    },
  );
}
