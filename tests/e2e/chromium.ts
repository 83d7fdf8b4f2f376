import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** Where Chromium is: $CHROME_PATH, else Debian's /usr/bin/chromium. Throws a how-to when missing. */
export function findChromium(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The real-browser tests need it:\n` +
        '  on Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  or point CHROME_PATH at an installed Chromium or Chrome.\n' +
        '(We never download a browser: playwright-core drives the system one.)',
    );
  }
  return path;
}

/** Headless Chromium with the flags this closed network needs, and any more flags. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Screenshots a run takes are kept here (git-ignored) for people to look at. */
export function artifactPath(name: string): string {
  const dir = resolve('tests/artifacts');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}

/**
 * One Chromium for the test file and a fresh English page, 1280×800 unless
 * `viewport` says otherwise (in its own context, with any more `options`: no
 * storage carried over),
 * for each test. Read `browser` and `page` inside tests, after the hooks have
 * run.
 */
export function freshPagePerTest(
  viewport = { width: 1280, height: 800 },
  options: Omit<BrowserContextOptions, 'viewport'> = {},
): {
  readonly browser: Browser;
  readonly page: Page;
} {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await context?.close();
    if (!browser) throw new Error('Chromium did not start');
    context = await browser.newContext({ viewport, locale: 'en-US', ...options });
    page = await context.newPage();
  });
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('freshPagePerTest: read browser and page inside a test');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get page() {
      return ready(page);
    },
  };
}
