import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';

/**
 * The theme follows the system (dark, more contrast, reduced motion), live;
 * the theme menu overrides it and the choice survives a reload.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(hash: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}${hash}`);
  await page.waitForSelector(hash.startsWith('#/d/') ? '.fd-canvas .react-flow__node' : 'main h1', {
    timeout: 30_000,
  });
  return page;
}

const rootAttribute = (page: Page, name: string) =>
  page.evaluate((n) => document.documentElement.getAttribute(n), name);

/** Relative luminance (0 black … 1 white) of the page background as computed. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.color = getComputedStyle(document.documentElement).backgroundColor;
    document.body.append(probe);
    // Computed colours come back as rgb()/rgba() whatever the CSS wrote.
    const [r = 0, g = 0, b = 0] = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(
      Number,
    );
    probe.remove();
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

async function withPage(
  hash: string,
  options: BrowserContextOptions,
  run: (page: Page) => Promise<void>,
) {
  const page = await open(hash, options);
  try {
    await run(page);
  } finally {
    await page.context().close();
  }
}

describe('the system decides under the default preference', () => {
  it('light system: data-theme light, a light background', () =>
    withPage('#/', { colorScheme: 'light' }, async (page) => {
      expect(await rootAttribute(page, 'data-theme')).toBe('light');
      expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    }));

  it('dark system: data-theme dark, a dark background, React Flow in dark mode', () =>
    withPage('#/d/cluster-layout', { colorScheme: 'dark' }, async (page) => {
      expect(await rootAttribute(page, 'data-theme')).toBe('dark');
      expect(await backgroundLuminance(page)).toBeLessThan(0.05);
      expect(await page.locator('.react-flow').getAttribute('class')).toMatch(/\bdark\b/);
      await page.screenshot({ path: artifactPath('theme-system-dark.png') });
    }));

  it('more contrast: data-theme contrast, white page, black ink', () =>
    withPage('#/d/cluster-layout', { contrast: 'more' }, async (page) => {
      expect(await rootAttribute(page, 'data-theme')).toBe('contrast');
      expect(await backgroundLuminance(page)).toBe(1);
      const ink = await page.evaluate(() => getComputedStyle(document.documentElement).color);
      expect(ink).toBe('rgb(0, 0, 0)');
      await page.screenshot({ path: artifactPath('theme-system-contrast.png') });
    }));

  it('follows a live change of the system setting, without a reload', () =>
    withPage('#/', { colorScheme: 'light' }, async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => rootAttribute(page, 'data-theme')).toBe('dark');
      await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
      await expect.poll(() => rootAttribute(page, 'data-theme')).toBe('contrast');
      await page.emulateMedia({ contrast: 'no-preference' });
      await expect.poll(() => rootAttribute(page, 'data-theme')).toBe('light');
    }));
});

describe('the theme menu', () => {
  it('is a labelled combobox whose choice wins over the system and survives a reload', () =>
    withPage('#/', { colorScheme: 'dark' }, async (page) => {
      const menu = page.getByRole('combobox', { name: 'Theme' });
      expect(await menu.getAttribute('data-testid')).toBe('theme-menu');
      expect(await menu.inputValue()).toBe('system');
      await menu.selectOption('light');
      await expect.poll(() => rootAttribute(page, 'data-theme')).toBe('light');
      expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
      expect(await page.evaluate(() => localStorage.getItem('flowdeck.theme'))).toBe('light');

      await page.reload();
      await page.waitForSelector('main h1');
      expect(await rootAttribute(page, 'data-theme')).toBe('light');
      expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('light');

      // A system change no longer moves it; going back to System follows the system again.
      await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
      await page.waitForTimeout(100);
      expect(await rootAttribute(page, 'data-theme')).toBe('light');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
      await expect.poll(() => rootAttribute(page, 'data-theme')).toBe('contrast');
    }));

  it('offers every theme, and each one applies', () =>
    withPage('#/d/cluster-layout', {}, async (page) => {
      const menu = page.getByTestId('theme-menu');
      const values = await menu
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(values).toEqual(['system', 'light', 'dark', 'contrast']);
      for (const theme of ['dark', 'contrast', 'light'] as const) {
        await menu.selectOption(theme);
        await expect.poll(() => rootAttribute(page, 'data-theme')).toBe(theme);
        await expect
          .poll(() => page.locator('.react-flow').getAttribute('class'))
          .toMatch(theme === 'dark' ? /\bdark\b/ : /\blight\b/);
        await page.waitForTimeout(250);
        await page.screenshot({ path: artifactPath(`theme-menu-${theme}.png`) });
      }
    }));
});

describe('reduced motion', () => {
  it('sets data-motion="reduce" and turns transitions off', () =>
    withPage('#/d/cluster-layout', { reducedMotion: 'reduce' }, async (page) => {
      expect(await rootAttribute(page, 'data-motion')).toBe('reduce');
      const duration = await page
        .locator('.fd-node')
        .first()
        .evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(duration.split(',').every((d) => Number.parseFloat(d) === 0)).toBe(true);
    }));

  it('leaves motion on otherwise, and follows a live change', () =>
    withPage('#/d/cluster-layout', { reducedMotion: 'no-preference' }, async (page) => {
      expect(await rootAttribute(page, 'data-motion')).toBeNull();
      const duration = await page
        .locator('.fd-node')
        .first()
        .evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(duration.split(',').some((d) => Number.parseFloat(d) > 0)).toBe(true);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await expect.poll(() => rootAttribute(page, 'data-motion')).toBe('reduce');
    }));
});
