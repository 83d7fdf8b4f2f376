import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';

/**
 * axe-core (the standard accessibility rules engine, run offline from
 * node_modules) on the home page and a diagram, in each theme. Fails on
 * serious and critical violations, printed one per line with the elements.
 */

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const THEMES = ['light', 'dark', 'contrast'] as const;
const PAGES = [
  { name: 'home', hash: '#/', ready: 'main h1' },
  { name: 'diagram', hash: '#/d/cluster-layout', ready: '.fd-canvas .react-flow__node' },
  { name: 'editor', hash: '#/new', ready: '.cm-content' },
] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  hash: string,
  ready: string,
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
  await page.goto(`${inject('baseUrl')}${hash}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  // Let thumbnails and transitions settle: axe reads colours as drawn.
  await page.waitForTimeout(500);
  return page;
}

async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(() => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    return axe.run(document, { resultTypes: ['violations'] });
  });
}

function describeViolation(v: Result): string {
  const where = v.nodes
    .slice(0, 8)
    .map(
      (n) =>
        `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    )
    .join('\n');
  const more = v.nodes.length > 8 ? `\n    …and ${v.nodes.length - 8} more` : '';
  return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${where}${more}`;
}

describe('axe finds no serious or critical violations', () => {
  for (const theme of THEMES) {
    for (const { name, hash, ready } of PAGES) {
      it(`${name} in the ${theme} theme`, async () => {
        const page = await open(hash, ready, { theme, locale: 'en-US' });
        try {
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          const { violations } = await runAxe(page);
          await page.screenshot({ path: artifactPath(`a11y-${name}-${theme}.png`) });
          const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          const minor = violations.filter((v) => !bad.includes(v));
          if (minor.length > 0) {
            console.log(
              `a11y ${name}/${theme}: minor (not failing): ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`,
            );
          }
          expect(bad.map(describeViolation).join('\n\n')).toBe('');
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
      const page = await open('#/', 'main h1', { locale });
      try {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      } finally {
        await page.context().close();
      }
    }
  });

  it('the language menu switches the UI and <html lang>, and the choice survives a reload', async () => {
    const page = await open('#/', 'main h1', { locale: 'en-US' });
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

/**
 * Each drawn label's contrast with what it sits on: its node's shape, its
 * group's box, its edge label's backing, or the canvas (for text-only nodes
 * and what lies outside groups). axe cannot tell what is behind SVG text (it
 * reports it as "incomplete"), so this measures the computed colours itself.
 */
function labelContrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!pixel) throw new Error('no 2d canvas');
    /** Any CSS colour (rgb, oklab, color-mix results…) as sRGB bytes and alpha. */
    const rgba = (css: string): Rgba => {
      pixel.clearRect(0, 0, 1, 1);
      pixel.fillStyle = '#000';
      pixel.fillStyle = css;
      pixel.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const fillOf = (el: Element) => rgba(getComputedStyle(el).fill);
    const flow = document.querySelector('.react-flow');
    if (!flow) throw new Error('no React Flow canvas');
    const canvasColour = over(
      rgba(getComputedStyle(flow).backgroundColor),
      rgba(getComputedStyle(document.documentElement).backgroundColor),
    );
    const groups = [...document.querySelectorAll('.fd-group .fd-group-box')].map((box) => {
      const r = box.getBoundingClientRect();
      return { box, r, area: r.width * r.height };
    });
    /** The colour behind a point: the smallest group box holding it, else the canvas. */
    const behind = (x: number, y: number, except?: Element): Rgba => {
      const holder = groups
        .filter(
          (g) =>
            g.box !== except && g.r.left <= x && x <= g.r.right && g.r.top <= y && y <= g.r.bottom,
        )
        .sort((a, b) => a.area - b.area)[0];
      return holder ? over(fillOf(holder.box), canvasColour) : canvasColour;
    };
    const failures: string[] = [];
    for (const text of document.querySelectorAll(
      '.fd-node-label, .fd-group-label, .fd-edge-label text',
    )) {
      const r = text.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      let backing: Element | null = null;
      if (text.classList.contains('fd-group-label')) {
        backing = text.closest('.fd-group')?.querySelector('.fd-group-box') ?? null;
      } else if (text.classList.contains('fd-node-label')) {
        const shape = text.closest('.fd-node')?.querySelector('.fd-node-shape');
        backing = shape?.getAttribute('d') ? shape : null;
      } else {
        backing = text.parentElement?.querySelector('rect') ?? null;
      }
      const under = behind(x, y, backing ?? undefined);
      const bg = backing ? over(fillOf(backing), under) : under;
      const ink = over(fillOf(text), bg);
      const contrast = ratio(ink, bg);
      if (contrast < 4.5) {
        const owner = text.closest('[data-node-id], [data-edge-id]');
        const id = owner?.getAttribute('data-node-id') ?? owner?.getAttribute('data-edge-id');
        failures.push(
          `${id} “${text.textContent}”: ${contrast.toFixed(2)}:1, ink rgb(${ink.slice(0, 3).map(Math.round)}) on rgb(${bg.slice(0, 3).map(Math.round)})`,
        );
      }
    }
    return failures;
  });
}

describe('every diagram label has AA contrast (4.5:1) with what it is drawn on', () => {
  for (const theme of THEMES) {
    it(`all diagrams in the ${theme} theme`, async () => {
      // The cards, not just the heading: the gallery places them once the decks are read.
      const page = await open('#/', 'a[href^="#/d/"]', { theme, locale: 'en-US' });
      try {
        // Every diagram the home page links to.
        const ids = await page.$$eval('a[href^="#/d/"]', (links) => [
          ...new Set(links.map((a) => decodeURIComponent(a.getAttribute('href')?.slice(4) ?? ''))),
        ]);
        expect(ids.length).toBeGreaterThan(5);
        const failures: string[] = [];
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
          for (const f of await labelContrastFailures(page)) failures.push(`${id}: ${f}`);
        }
        expect(failures.join('\n')).toBe('');
      } finally {
        await page.context().close();
      }
    });
  }
});
