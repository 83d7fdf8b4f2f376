import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeShare } from '../../src/app/editor/share.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { settle } from './diagramFiles.ts';

// Issue 22: icons drawn in the canvas from the app's own small files,
// dimming with their node, and named in the editor with completion and
// warnings.

const SPEC = `title: Icons
nodes:
  kubectl:
    label: kubectl
    icon: mdi:console
  api:
    label: API server
    icon: logos:kubernetes
  etcd:
    label: etcd
    icon: logos:etcd
  typo:
    label: Typo
    icon: logos:kubernets
  hostile:
    label: Hostile
    icon: javascript:alert(1)
edges:
  - kubectl -> api
  - api -> etcd
  - api -> typo
  - api -> hostile
flows:
  - id: apply
    title: Apply
    steps:
      - caption: kubectl sends the manifest
        nodes: [kubectl]
      - caption: the API server stores it
        nodes: [api, etcd]
`;

const session = freshPagePerTest();
const base = () => inject('baseUrl');

/** Every response the page gets from the icon sets' files, with its size. */
function iconFiles(page: Page): { url: string; bytes: number }[] {
  const files: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/@flowdeck/icons/')) return;
    files.push({ url: response.url(), bytes: (await response.body()).length });
  });
  return files;
}

const icon = (page: Page, node: string, name: string) =>
  page.locator(
    `.react-flow__node .fd-node[data-node-id="${node}"] svg.fd-node-icon[data-icon="${name}"]`,
  );

async function openShared(page: Page, step?: number) {
  const payload = await encodeShare(SPEC);
  await page.goto(`${base()}#/share/${payload}${step ? `/apply/${step}` : ''}`);
  await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
  await icon(page, 'api', 'logos:kubernetes').waitFor({ timeout: 30_000 });
  await settle(page);
}

describe('icons in the canvas', () => {
  it('draws each icon inside its node from one small file of its set, never a whole set', async () => {
    const { page } = session;
    const files = iconFiles(page);
    await openShared(page);
    for (const [node, name] of [
      ['kubectl', 'mdi:console'],
      ['api', 'logos:kubernetes'],
      ['etcd', 'logos:etcd'],
    ] as const) {
      const drawn = icon(page, node, name);
      await expect.poll(() => drawn.locator('path').count()).toBeGreaterThan(0);
      const box = await drawn.boundingBox();
      const outer = await page.locator(`.fd-node[data-node-id="${node}"]`).boundingBox();
      if (!box || !outer) throw new Error(`${name} is not drawn`);
      expect(box.width).toBeGreaterThan(8);
      expect(box.x).toBeGreaterThanOrEqual(outer.x - 1);
      expect(box.y).toBeGreaterThanOrEqual(outer.y - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
      expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 1);
    }
    await page.screenshot({ path: artifactPath('icons-canvas.png') });
    // The logos set alone is 8.7 MB: a diagram with a few icons fetches tens of KB.
    console.log(
      files.map((file) => `${file.url.replace(/^.*icons\//, '')}: ${file.bytes} B`).join('\n'),
    );
    const names = files.filter((file) => file.url.endsWith('/names.json'));
    const buckets = files.filter((file) => !file.url.endsWith('/names.json'));
    // One file per icon at most (four names here); all small.
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.length).toBeLessThanOrEqual(4);
    expect(files.every((file) => file.bytes < 100_000)).toBe(true);
    // A set's names index only for the suggestion to an unknown icon of it (the typo's).
    expect(names.map((file) => file.url.replace(/^.*icons\//, ''))).toEqual(['logos/names.json']);
  });

  it("draws a monochrome icon in its node's ink, a logo in its own colours", async () => {
    const { page } = session;
    await openShared(page);
    const ink = await page
      .locator('.fd-node[data-node-id="kubectl"] .fd-node-label')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    const console_ = icon(page, 'kubectl', 'mdi:console');
    expect(await console_.evaluate((el) => getComputedStyle(el).color)).toBe(ink);
    const logo = icon(page, 'api', 'logos:kubernetes').locator('path').first();
    expect(await logo.evaluate((el) => getComputedStyle(el).fill)).not.toBe(ink);
  });

  it('keeps the node of an unknown icon, with a faint box in its place, and never uses a hostile name', async () => {
    const { page } = session;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await openShared(page);
    const typo = page.locator('.fd-node[data-node-id="typo"]');
    await expect.poll(() => typo.locator('.fd-icon-missing:not([data-loading])').count()).toBe(1);
    expect(await typo.innerText()).toContain('Typo');
    const hostile = page.locator('.fd-node[data-node-id="hostile"]');
    expect(await hostile.innerText()).toContain('Hostile');
    expect(await hostile.locator('[data-icon]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests.filter((url) => /alert|javascript/.test(url))).toEqual([]);
  });

  it('dims an icon with its node on a step that leaves the node out, and lights it on its own step', async () => {
    const { page } = session;
    await openShared(page, 1);
    const opacity = (node: string) =>
      icon(page, node, node === 'api' ? 'logos:kubernetes' : 'mdi:console').evaluate((el) => {
        let value = 1;
        for (let at: Element | null = el; at; at = at.parentElement) {
          value *= Number(getComputedStyle(at).opacity);
        }
        return value;
      });
    await expect.poll(() => opacity('api')).toBeLessThan(0.6);
    expect(await opacity('kubectl')).toBe(1);
    await page.screenshot({ path: artifactPath('icons-step1.png') });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => opacity('api')).toBe(1);
  });
});

describe('icons in the editor', () => {
  it('warns of an unknown icon at its line with the closest name, and completes names with a preview', async () => {
    const { page } = session;
    await openShared(page);
    await page.getByRole('button', { name: 'Edit a copy' }).first().click();
    await page.waitForSelector('.fd-code .cm-content', { timeout: 30_000 });
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 30_000 })
      .toContain(
        '14:11: warning: unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)',
      );

    await page.locator('.cm-line', { hasText: 'icon: logos:etcd' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('icon: logos:kubern');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: /^kubernetes$/ });
    await option.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.cm-completionInfo .fd-icon-preview svg path').count())
      .toBeGreaterThan(0);
    expect(await page.locator('.cm-completionInfo .fd-icon-preview').innerText()).toContain(
      'logos:kubernetes',
    );
    await page.screenshot({ path: artifactPath('icons-completion.png') });
  });
});

describe('icons in exported files', () => {
  it('writes each icon the view draws once into the SVG of the view', async () => {
    const { page } = session;
    await openShared(page);
    await page.click('.fd-export > summary');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG of this view' }).click(),
    ]);
    const svg = readFileSync(await file.path(), 'utf8');
    const symbols = [...svg.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    expect(symbols.sort()).toEqual(
      ['logos_etcd', 'logos_kubernetes', 'mdi_console'].map((name) =>
        expect.stringContaining(name),
      ),
    );
    expect(svg.match(/<use /g)?.length).toBe(3);
    expect(svg).not.toContain('javascript');
  });
});
