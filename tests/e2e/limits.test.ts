import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { syntheticFlowDiagram } from '../../bench/synthetic.ts';
import { freshPagePerTest } from './chromium.ts';
import { withoutPrebuiltLayouts } from './pageRoutes.ts';

const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

/** A `#/share/…` route holding `text`, made by the app's own encoder (in the page). */
async function shareRoute(text: string): Promise<string> {
  await page.goto(baseUrl);
  // A string, so the test runner leaves the page's dynamic import alone.
  const payload = await page.evaluate(
    `import('/src/app/editor/share.ts').then((m) => m.encodeShare(${JSON.stringify(text)}))`,
  );
  return `#/share/${payload}`;
}

/** A Mermaid chart of `count` nodes, one a line from line 2. */
const chart = (count: number) =>
  ['flowchart LR', ...Array.from({ length: count }, (_, i) => `  n${i}[Node ${i}]`)].join('\n');

const drawnNodes = () => page.locator('.fd-canvas [data-node-id]').count();
const alertText = () => page.locator('[role="alert"]').first().innerText();

/**
 * The layout worker's script (not the `?worker&url` module that names it),
 * replaced by one that runs the real worker but never finishes a job whose
 * file or text contains `marker`: a layout that hangs, as ELK can.
 */
async function hangLayoutsOf(marker: string) {
  await page.route(
    (url) =>
      url.pathname.includes('layout.worker') &&
      url.searchParams.has('worker_file') &&
      !url.searchParams.has('real'),
    (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        // The real worker, under a URL this route lets through, loaded as the app loads it.
        body: `import '${new URL(route.request().url()).pathname}?worker_file&type=module&real';
self.addEventListener('message', (event) => {
  const { file = '', text = '' } = event.data ?? {};
  if ((file + text).includes(${JSON.stringify(marker)})) for (;;) {}
});`,
      }),
  );
}

describe('limits', () => {
  it('a shared chart past the node limit says which limit, where, and how to raise it', async () => {
    const route = await shareRoute(chart(5001));
    await page.goto(`${baseUrl}${route}`);
    await expect.poll(alertText, { timeout: 30_000 }).toContain('has errors');
    const message = await alertText();
    expect(message).toContain(
      '5002:3: This diagram has 5,001 nodes (groups included); the limit is 5,000 (limits.maxNodes;',
    );
    expect(message).toContain('`?limits=nodes=5001` in the app');
    expect(await drawnNodes()).toBe(0);
  });

  it('?limits= lowers or raises a limit for the visit', async () => {
    const route = await shareRoute(chart(4));
    await page.goto(`${baseUrl}?limits=nodes=3${route}`);
    await expect.poll(alertText, { timeout: 30_000 }).toContain('This diagram has 4 nodes');
    await page.goto(`${baseUrl}?limits=nodes=4${route}`);
    await expect.poll(drawnNodes, { timeout: 30_000 }).toBe(4);
  });

  it('says under the header when ?limits= is ignored, and keeps the usual limits', async () => {
    await page.goto(`${baseUrl}?limits=nodes=lots#/d/cri-chain`);
    const notice = page.getByRole('status').filter({ hasText: '?limits=' });
    await expect.poll(() => notice.innerText()).toContain('The link’s ?limits= was ignored');
    expect(await notice.innerText()).toContain('lots');
    await expect.poll(drawnNodes, { timeout: 30_000 }).toBeGreaterThan(3);
  });
});

describe('a diagram near the limits', () => {
  it('is drawn in parts: the page answers meanwhile, and the whole is framed at the end', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const route = await shareRoute(syntheticFlowDiagram(3000));
    const total = 3844; // 3000 leaves in 844 groups
    // The reader switches the language as soon as anything is drawn: the
    // switch is handled while the diagram is still filling in.
    await page.addInitScript(() => {
      addEventListener('change', () => {
        (globalThis as { drawnAtChange?: number }).drawnAtChange = document.querySelectorAll(
          '.fd-canvas [data-node-id]',
        ).length;
      });
    });
    await page.goto('about:blank'); // a new document, which runs the script above
    await page.goto(`${baseUrl}${route}`);
    const language = page.getByRole('combobox', { name: 'Language' });
    await page.waitForSelector('.fd-canvas [data-node-id]', { timeout: 60_000 });
    await language.selectOption('ko');
    const drawnAtChange = await page.evaluate(
      () => (globalThis as { drawnAtChange?: number }).drawnAtChange,
    );
    expect(drawnAtChange).toBeGreaterThan(0);
    expect(drawnAtChange).toBeLessThan(total);
    await expect.poll(drawnNodes, { timeout: 60_000 }).toBe(total);
    // React Flow draws a part's edges once its nodes are measured: they come a moment after.
    await expect
      .poll(() => page.locator('.fd-canvas .react-flow__edge').count(), { timeout: 60_000 })
      .toBeGreaterThan(total);
    // Framed whole once complete, not on the first part: the diagram's
    // middle is the canvas's (too tall to fit even at the least zoom), give
    // or take the buttons the frame keeps clear of. Framed on the first
    // part, it would be off by hundreds of pixels.
    const offCentre = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('.fd-canvas')?.getBoundingClientRect();
        const boxes = [...document.querySelectorAll('.fd-canvas [data-node-id]')].map((n) =>
          n.getBoundingClientRect(),
        );
        if (!canvas) return Number.POSITIVE_INFINITY;
        const middle = (low: number[], high: number[]) =>
          (Math.min(...low) + Math.max(...high)) / 2;
        const x = middle(
          boxes.map((b) => b.left),
          boxes.map((b) => b.right),
        );
        const y = middle(
          boxes.map((b) => b.top),
          boxes.map((b) => b.bottom),
        );
        return Math.max(
          Math.abs(x - (canvas.left + canvas.right) / 2),
          Math.abs(y - (canvas.top + canvas.bottom) / 2),
        );
      });
    await expect.poll(offCentre).toBeLessThan(50);
  });
});

describe('a layout that takes too long', () => {
  it('is stopped with a message and Try again, and the app keeps working', async () => {
    await hangLayoutsOf('cri-chain');
    await withoutPrebuiltLayouts(page);
    await page.goto(`${baseUrl}?limits=timeout=3#/d/cri-chain`);
    await expect
      .poll(alertText, { timeout: 60_000 })
      .toContain('Laying out this diagram took longer than 3 s, so it was stopped.');
    // Try again runs it again (and it hangs again).
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('[role="alert"]').count()).toBe(0);
    await expect
      .poll(alertText, { timeout: 60_000 })
      .toContain('took longer than 3 s, so it was stopped.');
    // The page still answers, and the next diagram is laid out by a fresh worker.
    await page.goto(`${baseUrl}?limits=timeout=3#/d/self-healing`);
    await expect.poll(drawnNodes, { timeout: 60_000 }).toBeGreaterThan(3);
  });

  it('in the editor, says so beside the text, and the next text is drawn', async () => {
    await hangLayoutsOf('HANG_HERE');
    await page.goto(`${baseUrl}?limits=timeout=3#/new`);
    await page.waitForURL(/#\/draft\//);
    await page.waitForSelector('.cm-content');
    await expect.poll(drawnNodes, { timeout: 30_000 }).toBeGreaterThan(0);
    const type = async (text: string) => {
      await page.click('.cm-content');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(text);
    };
    await type('flowchart LR\n  a[HANG_HERE] --> b');
    const problems = page.locator('.fd-editor-problems');
    await expect
      .poll(() => problems.innerText(), { timeout: 60_000 })
      .toContain('took longer than 3 s, so it was stopped.');
    await expect.poll(() => problems.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await type('flowchart LR\n  x --> y --> z');
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll('.fd-canvas [data-node-id]'))
              .map((n) => n.getAttribute('data-node-id'))
              .sort(),
          ),
        { timeout: 60_000 },
      )
      .toEqual(['x', 'y', 'z']);
    expect(await problems.innerText()).not.toContain('took longer');
  });

  it('Convert to Flowdeck YAML runs in a worker of its own, stopped if it hangs', async () => {
    await page.route(
      (url) => url.pathname.includes('convert.worker') && url.searchParams.has('worker_file'),
      (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: "self.addEventListener('message', () => { for (;;) {} });",
        }),
    );
    await page.goto(`${baseUrl}?limits=timeout=3#/new`);
    await page.waitForURL(/#\/draft\//);
    await page.waitForSelector('.cm-content');
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('flowchart LR\n  a --> b');
    await expect.poll(drawnNodes, { timeout: 30_000 }).toBe(2);
    await page.getByRole('button', { name: 'Convert to Flowdeck YAML' }).click();
    const problems = page.locator('.fd-editor-problems');
    await expect
      .poll(() => problems.innerText(), { timeout: 60_000 })
      .toContain('Could not convert: Converting took longer than 3 s, so it was stopped.');
    // The text is as it was, and the editor still follows it.
    expect(await page.textContent('.fd-editor-lang')).toBe('Mermaid');
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' --> c');
    await expect.poll(drawnNodes, { timeout: 30_000 }).toBe(3);
  });

  it('lists the first 100 problems of a pasted file under the text, and counts the rest', async () => {
    await page.goto(`${baseUrl}#/new`);
    await page.waitForURL(/#\/draft\//);
    await page.waitForSelector('.cm-content');
    const text = `nodes:\n${Array.from({ length: 150 }, (_, i) => `  n${i}: { shap: x }`).join('\n')}`;
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    // A paste as the clipboard gives it, in one event, over the starter text.
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true });
      document.querySelector('.cm-content')?.dispatchEvent(paste);
    }, text);
    const items = page.locator('.fd-editor-problems li');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(101);
    expect(await items.last().innerText()).toBe('…and 50 more problems, underlined in the text.');
    expect(await items.first().innerText()).toMatch(/^2:9: error: unknown key `shap`/);
  });
});
