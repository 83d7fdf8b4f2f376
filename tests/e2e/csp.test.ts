import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/bundle.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { launchChromium } from './chromium.ts';
import { settle } from './diagramFiles.ts';
import { downloadFromMenu } from './exportMenu.ts';
import { type StaticSite, serveStatic } from './staticServer.ts';

/**
 * The built site's Content-Security-Policy (vite.config.ts): it must forbid
 * an inline script, and block nothing the app itself does — the gallery, a
 * diagram and its flow, the editor, presenter mode, the speaker view, and
 * exporting SVG and PNG (fonts subset in a worker, blob images).
 */
const PREFIX = '/csp/';
let outDir: string;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'flowdeck-csp-test-'));
  await buildApp(outDir, { compress: false });
  site = await serveStatic(outDir, PREFIX);
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    acceptDownloads: true,
  });
  // Every violation, in every page of the context, lands in window.__violations.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.effectiveDirective} ${e.blockedURI || e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  page = await context.newPage();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const violations = (on = page) =>
  on.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);

const download = async (label: string) => (await downloadFromMenu(page, label)).data;

describe('the built site’s Content-Security-Policy', () => {
  it('is in index.html, and forbids inline script', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /script-src[^;]*('unsafe-inline'|'unsafe-hashes'|\*|data:|blob:)/,
    );
    // index.html itself has no inline script for it to block.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('blocks nothing the app does: gallery, diagram, flow, present, export, editor, speaker view', async () => {
    await page.goto(`${site.url}#/`);
    await page.waitForSelector('.fd-gallery .fd-card');
    await settle(page);

    await page.goto(`${site.url}#/d/kubectl-apply/apply/1`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/\/apply\/2$/);
    await page.locator('.fd-canvas [data-node-id]').first().click();
    await settle(page);

    const svg = await download('SVG of this view');
    expect(svg.toString()).toContain('data:font/woff2;base64,');
    const png = await download('PNG 1×');
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    await settle(page);

    const speaker = await context.newPage();
    await speaker.goto(`${site.url}#/speaker/kubectl-apply/apply/1`);
    await speaker.waitForSelector('.fd-speaker');
    await settle(speaker);
    expect(await violations(speaker)).toEqual([]);
    await speaker.close();

    await page.goto(`${site.url}#/new`);
    await page.waitForSelector('.cm-content');
    await page.waitForSelector('.fd-canvas [data-node-id]', { timeout: 30_000 });
    await page.click('.cm-content');
    await page.keyboard.insertText('\n');
    await settle(page);

    expect(await violations()).toEqual([]);
  });

  it('refuses a script put into the page, and reports it', async () => {
    page = await context.newPage();
    await page.goto(`${site.url}#/`);
    await page.waitForSelector('.fd-gallery');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:,');
      img.setAttribute('onerror', 'window.__pwned = 2');
      document.body.append(img);
    });
    await expect.poll(() => violations()).toHaveLength(2);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect((await violations()).map((v) => v.split(' ')[0])).toEqual([
      'script-src-elem',
      'script-src-attr',
    ]);
  });
});
