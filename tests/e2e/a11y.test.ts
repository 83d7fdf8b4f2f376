import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { a11yProblems, MIN_CONTRAST, THEMES } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { describeMeasured, lowest, measureContrast } from './contrast.ts';

/**
 * axe-core on every view of the app in each theme: fails on serious and
 * critical violations and on the page's structure (landmarks, headings;
 * `isSerious` in axe.ts), printed one per line with the elements, logs the
 * rest, and checks the text axe cannot judge (SVG labels, text over the
 * canvas) by measuring it: 4.5:1 in light and dark, 7:1 in the contrast
 * theme. The live classroom's views, which need the classroom server, are
 * in a11yLive.test.ts; keyboard focus in focus.test.ts.
 */

const FLOW = '#/d/kubectl-apply/apply/3';
const CANVAS = '.fd-canvas .react-flow__node';

/** A share link's payload for a text, as `encodeShare` makes it (raw deflate, base64url). */
const sharePayload = (text: string) =>
  `1${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

interface View {
  name: string;
  hash: string;
  ready: string;
  /** What to do once ready: a key, a click, a draft to save first. */
  then?: (page: Page) => Promise<void>;
  /** What to do before opening `hash` (in the same context). */
  first?: (page: Page) => Promise<void>;
}

const VIEWS: View[] = [
  { name: 'gallery', hash: '#/', ready: 'a[href^="#/d/"]' },
  { name: 'diagram', hash: '#/d/cluster-layout', ready: CANVAS },
  { name: 'flow', hash: FLOW, ready: '.fd-caption' },
  {
    name: 'presenter',
    hash: FLOW,
    ready: '.fd-caption',
    then: async (page) => {
      await page.keyboard.press('p');
      await page.waitForSelector('html[data-mode="presenter"]');
    },
  },
  { name: 'speaker', hash: '#/speaker/kubectl-apply/apply/3', ready: '.fd-speaker-preview svg' },
  { name: 'deck', hash: '#/deck/part1/2', ready: '.fd-caption' },
  { name: 'deck-speaker', hash: '#/speaker-deck/part1/2', ready: '.fd-speaker-preview svg' },
  { name: 'editor', hash: '#/new', ready: `.fd-editor:has(.cm-content) ${CANVAS}` },
  {
    name: 'drafts',
    hash: '#/drafts',
    ready: '.fd-drafts li',
    first: async (page) => {
      await page.goto(`${inject('baseUrl')}#/new`);
      await page.waitForURL(/#\/draft\//);
      await page.click('.cm-content');
      await page.keyboard.insertText('# a draft to list\n');
      await page.getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'share',
    hash: `#/share/${sharePayload(readFileSync('diagrams/cri-chain.yaml', 'utf8'))}/create/2`,
    ready: `.fd-shared .fd-caption`,
  },
  { name: 'embed', hash: '#/embed/kubectl-apply/apply/2', ready: '.fd-caption' },
  { name: 'details', hash: '#/d/cluster-layout', ready: CANVAS, then: openDetails },
  {
    name: 'minimap',
    hash: '#/d/cluster-layout',
    ready: CANVAS,
    then: async (page) => {
      await page.getByRole('button', { name: 'Overview map' }).click();
      await page.waitForSelector('.react-flow__minimap');
    },
  },
  { name: 'export-menu', hash: FLOW, ready: '.fd-caption', then: openExportMenu },
  {
    name: 'video-dialog',
    hash: FLOW,
    ready: '.fd-caption',
    then: async (page) => {
      await openExportMenu(page);
      await page.getByRole('button', { name: 'Video or GIF…' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'step-list',
    hash: FLOW,
    ready: '.fd-caption',
    then: async (page) => {
      await page.getByRole('button', { name: 'Steps' }).click();
      await page.waitForSelector('.fd-step-list');
    },
  },
  // Under the dev server there is no class: the page says so (a11yLive.test.ts has the form).
  { name: 'join', hash: '#/join', ready: '.fd-join h1' },
];

/** A node's details panel, opened as a reader would: a click on the node. */
async function openDetails(page: Page) {
  await page.locator('.fd-canvas [data-node-id]').first().click();
  await page.waitForSelector('.fd-panel');
}

async function openExportMenu(page: Page) {
  await page.locator('.fd-export > summary').click();
  await page.waitForSelector('.fd-export-menu button');
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  view: Pick<View, 'hash' | 'ready' | 'first' | 'then'>,
  options: BrowserContextOptions & { theme?: string },
) {
  const { theme, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  if (theme) {
    await context.addInitScript((value) => localStorage.setItem('flowdeck.theme', value), theme);
  }
  const page = await context.newPage();
  await view.first?.(page);
  await page.goto(`${inject('baseUrl')}${view.hash}`);
  await page.waitForSelector(view.ready, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await view.then?.(page);
  // Let thumbnails and transitions settle: axe reads colours as drawn.
  await page.waitForTimeout(500);
  return page;
}

describe('axe finds no serious or critical violations on any view', () => {
  for (const theme of THEMES) {
    for (const view of VIEWS) {
      it(`${view.name} in the ${theme} theme`, async () => {
        const page = await open(view, { theme, locale: 'en-US' });
        try {
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          expect((await a11yProblems(page, theme, view.name)).join('\n\n')).toBe('');
        } finally {
          await page.context().close();
        }
      });
    }
  }
});

describe('<html lang> is the UI language', () => {
  it('follows the browser language: ko-KR gives ko, en-US gives en', async () => {
    for (const [locale, lang] of [
      ['ko-KR', 'ko'],
      ['en-US', 'en'],
    ] as const) {
      const page = await open({ hash: '#/', ready: 'main h1' }, { locale });
      try {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      } finally {
        await page.context().close();
      }
    }
  });

  it('the language menu switches the UI and <html lang>, and the choice survives a reload', async () => {
    const page = await open({ hash: '#/', ready: 'main h1' }, { locale: 'en-US' });
    try {
      const menu = page.getByRole('combobox', { name: 'Language' });
      await expect.poll(() => menu.getAttribute('data-testid')).toBe('language-menu');
      await menu.selectOption('ko');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
      // Every label follows: the theme menu is now named in Korean.
      expect(await page.getByRole('combobox', { name: '테마' }).count()).toBe(1);
      await page.reload();
      await page.waitForSelector('main h1');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
      expect(await page.getByRole('combobox', { name: '언어' }).inputValue()).toBe('ko');
    } finally {
      await page.context().close();
    }
  });
});

describe('every diagram label has the contrast of its theme with what it is drawn on', () => {
  for (const theme of THEMES) {
    it(`all diagrams in the ${theme} theme, at least ${MIN_CONTRAST[theme]}:1`, async () => {
      // The cards, not just the heading: the gallery places them once the decks are read.
      const page = await open({ hash: '#/', ready: 'a[href^="#/d/"]' }, { theme, locale: 'en-US' });
      try {
        // Every diagram the home page links to.
        const ids = await page.$$eval('a[href^="#/d/"]', (links) => [
          ...new Set(links.map((a) => decodeURIComponent(a.getAttribute('href')?.slice(4) ?? ''))),
        ]);
        expect(ids.length).toBeGreaterThan(5);
        const failures: string[] = [];
        const all = [];
        for (const id of ids) {
          await page.evaluate(
            (hash) => {
              window.location.hash = hash;
            },
            `#/d/${encodeURIComponent(id)}`,
          );
          await page.waitForSelector(`.fd-canvas[data-diagram-id="${id}"] .react-flow__node`, {
            timeout: 30_000,
          });
          await page.waitForTimeout(300);
          const measured = await measureContrast(page, 'labels');
          all.push(...measured);
          for (const m of measured.filter((m) => m.ratio < MIN_CONTRAST[theme])) {
            failures.push(`${id}: ${describeMeasured(m)}`);
          }
        }
        const low = lowest(all);
        if (low) console.log(`a11y labels/${theme}: lowest ${describeMeasured(low)}`);
        expect(failures.join('\n')).toBe('');
      } finally {
        await page.context().close();
      }
    });
  }
});

/**
 * A flow's every step: the labels it lights (active, visited, failed, idle)
 * have the theme's contrast like any label. Labels a step dims are faded on
 * purpose, far under it (docs/contrast.md); their lowest is logged.
 */
describe('every label a flow step shows at full strength has the contrast of its theme', () => {
  const FLOWS = ['kubectl-apply/apply', 'self-healing-cluster/heal'];
  for (const theme of THEMES) {
    it(`${FLOWS.join(', ')} in the ${theme} theme`, async () => {
      const page = await open(
        { hash: `#/d/${FLOWS[0]}/1`, ready: '.fd-step-count' },
        { theme, locale: 'en-US' },
      );
      try {
        const failures: string[] = [];
        const lit = [];
        const dimmed = [];
        for (const flow of FLOWS) {
          await page.evaluate((hash) => {
            window.location.hash = hash;
          }, `#/d/${flow}/1`);
          await page.waitForSelector(
            `.fd-canvas[data-diagram-id="${flow.split('/')[0]}"] .react-flow__node`,
          );
          await page.locator('.fd-flowbar .fd-step-count').getByText('Step 1 of').waitFor();
          const count = Number(
            /of (\d+)/.exec((await page.textContent('.fd-step-count')) ?? '')?.[1],
          );
          expect(count).toBeGreaterThan(2);
          for (let step = 1; step <= count; step++) {
            await page.evaluate((hash) => {
              window.location.hash = hash;
            }, `#/d/${flow}/${step}`);
            await page
              .locator('.fd-flowbar .fd-step-count')
              .getByText(`Step ${step} of ${count}`, { exact: true })
              .waitFor();
            // The states' fades (--fd-duration) and the camera's glide settle.
            await page.waitForTimeout(800);
            for (const m of await measureContrast(page, 'labels')) {
              if (m.state === 'hidden') continue;
              if (m.state === 'dimmed') dimmed.push(m);
              else lit.push(m);
              if (m.state !== 'dimmed' && m.ratio < MIN_CONTRAST[theme]) {
                failures.push(`${flow}/${step}: [${m.state}] ${describeMeasured(m)}`);
              }
            }
          }
        }
        // A dimmed node the keyboard reaches is read at full strength.
        const faded = lowest(
          (await measureContrast(page, 'labels')).filter(
            (m) => m.state === 'dimmed' && m.node !== undefined,
          ),
        );
        expect(faded, 'the last step dims a node').toBeDefined();
        const node = page.locator(`.react-flow__node[data-id="${faded?.node}"]`);
        await node.focus();
        expect(await node.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
        await page.waitForTimeout(600);
        const focused = (await measureContrast(page, 'labels')).find(
          (m) => m.node === faded?.node && m.text === faded?.text,
        );
        expect(focused?.ratio ?? 0, `${faded?.node} focused`).toBeGreaterThanOrEqual(
          MIN_CONTRAST[theme],
        );
        for (const [kind, list] of [
          ['lit', lit],
          ['dimmed', dimmed],
        ] as const) {
          const low = lowest(list);
          if (low) console.log(`a11y ${kind} labels/${theme}: lowest ${describeMeasured(low)}`);
        }
        expect(failures.join('\n')).toBe('');
      } finally {
        await page.context().close();
      }
    });
  }
});
