import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { settle } from './diagramFiles.ts';

const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

const MERMAID = `flowchart LR
  kubelet --> CRI[CRI gRPC API]
  CRI --> containerd
  containerd --> runc`;

/** The ids of the nodes drawn on the canvas, sorted. */
const drawnNodes = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.fd-canvas [data-node-id]'))
      .map((n) => n.getAttribute('data-node-id'))
      .sort(),
  );

/** The editor's whole text. */
const editorText = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.cm-content .cm-line'))
      .map((line) => line.textContent)
      .join('\n'),
  );

/** Replaces the editor's text as a reader would: select all, then type or paste. */
async function replaceText(text: string) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function newDraft() {
  await page.goto(`${baseUrl}#/new`);
  await page.waitForURL(/#\/draft\//);
  await page.waitForSelector('.cm-content');
}

describe('the editor', () => {
  it('draws what is typed, and keeps the last good diagram while the text has an error', async () => {
    await newDraft();
    // The starter draws at once.
    await expect.poll(drawnNodes, { timeout: 15_000 }).toContain('api');
    await replaceText(MERMAID);
    await expect
      .poll(drawnNodes, { timeout: 15_000 })
      .toEqual(['CRI', 'containerd', 'kubelet', 'runc']);
    expect(await page.textContent('.fd-editor-lang')).toBe('Mermaid');

    // An unclosed bracket: underlined where it is, with the message on hover;
    // the diagram stays.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  runc --> shim[oops');
    await expect
      .poll(() => page.locator('.cm-lintRange-error').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await drawnNodes()).toEqual(['CRI', 'containerd', 'kubelet', 'runc']);
    await expect.poll(() => page.textContent('.fd-editor-problems')).toMatch(/5:\d+/);
    await page.locator('.cm-lintRange-error').first().hover();
    await expect.poll(() => page.locator('.cm-tooltip-lint').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('editor-error.png') });

    // Fixed: the new node appears.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(']');
    await expect.poll(drawnNodes, { timeout: 15_000 }).toContain('shim');
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
  });

  it('completes shapes and node ids as you type', async () => {
    await newDraft();
    await replaceText(
      'nodes:\n  api: API\n  user: User\n  db: { label: DB, shape: cylinder }\nedges:\n  - user -> api',
    );
    await expect.poll(drawnNodes, { timeout: 15_000 }).toEqual(['api', 'db', 'user']);
    // An edge's end: the list offers the diagram's node ids.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  - api -> d');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.textContent('.cm-tooltip-autocomplete')).toContain('db');
    await page.screenshot({ path: artifactPath('editor-completion.png') });
    await page.keyboard.press('Escape');
    // A shape: the list offers the shapes.
    await page.keyboard.insertText('b\n');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText('\n  cache: { label: Cache, shape: hex');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.textContent('.cm-tooltip-autocomplete')).toContain('hexagon');
  });

  it('keeps every word over a reload, and lists the draft', async () => {
    await newDraft();
    await replaceText(`${MERMAID}\n  %% remember me`);
    await expect
      .poll(() => page.textContent('.fd-editor-saved'), { timeout: 10_000 })
      .toBe('Saved');
    const url = page.url();
    await page.reload();
    await page.waitForSelector('.cm-content');
    expect(page.url()).toBe(url);
    await expect.poll(editorText).toContain('%% remember me');
    await page.goto(`${baseUrl}#/drafts`);
    await expect.poll(() => page.locator('.fd-drafts li').count()).toBe(1);
  });

  it('keeps text typed just before the tab closes (no pause to save)', async () => {
    await newDraft();
    await replaceText(`${MERMAID}\n  %% last words`);
    const url = page.url();
    // Close at once: the pagehide backup must carry it.
    const context = page.context();
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url);
    await again.waitForSelector('.cm-content');
    await expect
      .poll(() =>
        again.evaluate(() =>
          Array.from(document.querySelectorAll('.cm-content .cm-line'))
            .map((l) => l.textContent)
            .join('\n'),
        ),
      )
      .toContain('%% last words');
  });

  it('converts a Mermaid flowchart to Flowdeck YAML with the same diagram', async () => {
    await newDraft();
    // Text that does not read is not converted: nothing it holds is lost.
    await replaceText(`${MERMAID}\n  runc --> shim[oops`);
    await expect
      .poll(() => page.locator('.cm-lintRange-error').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Convert to Flowdeck YAML' }).click();
    await expect
      .poll(() => page.textContent('.fd-editor-problems'))
      .toContain('Fix the errors first');
    expect(await editorText()).toContain('shim[oops');
    await replaceText(MERMAID);
    await expect
      .poll(drawnNodes, { timeout: 15_000 })
      .toEqual(['CRI', 'containerd', 'kubelet', 'runc']);
    await page.getByRole('button', { name: 'Convert to Flowdeck YAML' }).click();
    await expect.poll(() => page.textContent('.fd-editor-lang')).toBe('YAML');
    expect(await editorText()).toMatch(/^nodes:|\nnodes:/m);
    await settle(page);
    await expect
      .poll(drawnNodes, { timeout: 15_000 })
      .toEqual(['CRI', 'containerd', 'kubelet', 'runc']);
    // The Mermaid file's flow came along.
    expect(await editorText()).toContain('flows:');
  });

  it('plays a flow from the editor', async () => {
    await newDraft();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: /A request/ }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/#\/draft\/[^/]+\/request\/1$/);
    await expect
      .poll(() => page.getAttribute('.fd-canvas [data-node-id="user"]', 'data-state'))
      .toBe('active');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/\/request\/2$/);
  });
});

describe('opening and sharing', () => {
  it('opens a Mermaid flowchart pasted on the home page', async () => {
    await page.goto(baseUrl);
    await page.waitForSelector('.fd-gallery');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, MERMAID);
    await page.waitForURL(/#\/draft\//);
    await expect
      .poll(drawnNodes, { timeout: 15_000 })
      .toEqual(['CRI', 'containerd', 'kubelet', 'runc']);
  });

  it('edits a copy of a diagram from its view', async () => {
    await page.goto(`${baseUrl}#/d/cri-chain`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await page.getByRole('link', { name: 'Edit a copy' }).click();
    await page.waitForURL(/#\/draft\//);
    await expect.poll(editorText).toContain('kubelet');
    await expect
      .poll(() => page.locator('.fd-canvas [data-node-id]').count(), { timeout: 15_000 })
      .toBeGreaterThan(5);
  });

  it('round-trips a share link, read-only, with "Edit a copy"', async () => {
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await newDraft();
    await replaceText(MERMAID);
    await expect.poll(drawnNodes, { timeout: 15_000 }).toHaveLength(4);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('#/share/');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const reader = await page.context().newPage();
    await reader.goto(link);
    await reader.waitForSelector('.fd-canvas [data-node-id]');
    expect(await reader.locator('.cm-content').count()).toBe(0);
    expect(await reader.textContent('.fd-share-bar')).toContain('read-only');
    await reader.getByRole('button', { name: 'Edit a copy' }).click();
    await reader.waitForURL(/#\/draft\//);
    await reader.waitForSelector('.cm-content');
    await expect
      .poll(() => reader.evaluate(() => document.querySelector('.cm-content')?.textContent ?? ''))
      .toContain('containerd --> runc');
  });

  it('says so when a share link is damaged or too large, never a blank page', async () => {
    await page.goto(`${baseUrl}#/share/1@@@not-base64@@@`);
    await expect.poll(() => page.textContent('[role="alert"]')).toMatch(/damaged/);
    await page.goto(`${baseUrl}#/share/1${'A'.repeat(200_000)}`);
    await expect.poll(() => page.textContent('[role="alert"]')).toMatch(/too large/);
  });
});
