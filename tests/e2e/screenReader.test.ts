import type { Browser, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { plainLabel } from '../../src/core/outline/structure.ts';
import { freshPagePerTest } from './chromium.ts';
import { diagramModels, openDiagram } from './diagramFiles.ts';

/**
 * What a screen-reader user can do on a diagram, read from Chromium's
 * accessibility tree (Playwright's aria snapshots): move by structure and
 * along edges, hear each node with its groups and connections, and hear
 * each step of a flow once, with what it changed.
 */
const session = freshPagePerTest({ width: 1024, height: 768 });
let page: Page;
let browser: Browser;

beforeEach(() => {
  ({ page, browser } = session);
});
const base = () => inject('baseUrl');

/** The focused node's id and the name the accessibility tree gives it. */
async function focused(on: Page = page): Promise<{ id: string | null; name: string }> {
  const id = await on.evaluate(
    () => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
  );
  // `- group "API Server, in …"`: the role and name a screen reader announces.
  if (!id) return { id, name: '' };
  const [entry] = parse(await on.locator(':focus').ariaSnapshot()) as (string | object)[];
  const line = typeof entry === 'string' ? entry : Object.keys(entry ?? {})[0];
  const quoted = /^\w+ (".*")/.exec(line ?? '')?.[1];
  return { id, name: quoted ? (JSON.parse(quoted) as string) : '' };
}
/** The names of the nodes in an aria snapshot (`- group "name": text`), in order. */
function accessibleNames(tree: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'string' || (value && typeof value === 'object')) {
      const lines = typeof value === 'string' ? [value] : Object.keys(value);
      for (const line of lines) {
        const quoted = /^group (".*")/.exec(line)?.[1];
        if (quoted) found.push(JSON.parse(quoted) as string);
      }
      if (typeof value === 'object') for (const child of Object.values(value)) visit(child);
    }
  };
  visit(tree);
  return found;
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const status = (on: Page = page) => on.getByTestId('explore-status').textContent();

describe('exploring a diagram by its structure', () => {
  it('reaches every node of every diagram by Shift+arrows alone, each announced with its groups and connections', async () => {
    const focusedId = () =>
      page.evaluate(
        () => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
      );
    for (const model of diagramModels()) {
      await openDiagram(page, base(), model.id);
      const nodes = page.locator('.fd-canvas .react-flow__node');
      await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(model.nodes.length);
      const byId = new Map(model.nodes.map((n) => [n.id, n]));
      const visible = model.edges.filter((e) => e.line !== 'invisible');
      // Every node's name in the accessibility tree: its label, every group
      // around it, and its edges counted both ways.
      const names = await page.evaluate(() =>
        [...document.querySelectorAll('.fd-canvas .react-flow__node')].map((el) => ({
          id: el.getAttribute('data-id') ?? '',
        })),
      );
      const tree = parse(await page.locator('.fd-canvas .react-flow__nodes').ariaSnapshot());
      const said = accessibleNames(tree);
      expect(said.length, model.id).toBe(names.length);
      for (const [i, { id }] of names.entries()) {
        const node = byId.get(id);
        const name = said[i] ?? '';
        if (!node) throw new Error(`${model.id}: unknown node ${id}`);
        expect(name, `${model.id}/${id}`).toMatch(new RegExp(`^${escape(plainLabel(node))}[,.]`));
        for (let at = node.parent; at; at = byId.get(at)?.parent ?? null) {
          const group = byId.get(at);
          if (group) expect(name, `${model.id}/${id}`).toContain(`in ${plainLabel(group)}`);
        }
        const out = visible.filter((e) => e.source === id).length;
        const into = visible.filter((e) => e.target === id && e.source !== id).length;
        if (out > 0) expect(name, `${model.id}/${id}`).toContain(`${out} outgoing`);
        if (into > 0) expect(name, `${model.id}/${id}`).toContain(`${into} incoming`);
        if (out + into === 0) expect(name, `${model.id}/${id}`).toContain('No connections');
      }
      // From the first node in Tab order, depth first by the structural keys:
      // into, else next, else out and next.
      await nodes.first().focus();
      const reached: string[] = [];
      for (let id = await focusedId(); id && !reached.includes(id); id = await focusedId()) {
        reached.push(id);
        await page.keyboard.press('Shift+ArrowDown');
        if ((await focusedId()) !== id) continue;
        for (;;) {
          const before = await focusedId();
          await page.keyboard.press('Shift+ArrowRight');
          if ((await focusedId()) !== before) break;
          await page.keyboard.press('Shift+ArrowUp');
          if ((await focusedId()) === before) break; // the last node at the top level
        }
      }
      expect(new Set(reached), model.id).toEqual(new Set(model.nodes.map((n) => n.id)));
    }
  });

  it('follows edges out and back on kubectl-apply, saying which edge of how many', async () => {
    await openDiagram(page, base(), 'kubectl-apply');
    await page.locator('.react-flow__node[data-id="user"]').focus();
    expect((await focused()).name).toMatch(/^사용자\. 1 outgoing: deployment\.yaml/);
    await page.keyboard.press(']');
    expect((await focused()).id).toBe('manifest');
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    const api = await focused();
    expect(api.id).toBe('api');
    expect(api.name).toContain('API Server, in 컨트롤 플레인, in Kubernetes 클러스터.');
    expect(api.name).toContain('4 outgoing: etcd (저장), kubelet ×3');
    await expect.poll(() => status()).toBe('From kubectl along “HTTPS 요청”, 1 of 1 outgoing.');
    // Out of the API Server along each of its four edges in turn: ] then } } }.
    const ends: (string | null)[] = [];
    await page.keyboard.press(']');
    ends.push((await focused()).id);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('}');
      ends.push((await focused()).id);
    }
    expect(ends.slice(0, 4).sort()).toEqual(['etcd', 'kubelet-1', 'kubelet-2', 'kubelet-3'].sort());
    expect(ends[4]).toBe(ends[0]);
    await expect.poll(() => status()).toMatch(/^From API Server along “.+”, 1 of 4 outgoing\./);
    // Half out of the canvas, a node reached by the keys is brought wholly into sight.
    const canvas = await page.locator('.fd-canvas').boundingBox();
    const before = await page.locator('.react-flow__node[data-id="api"]').boundingBox();
    if (!canvas || !before) throw new Error('no canvas');
    const shift = canvas.x + canvas.width - (before.x + before.width / 2);
    await page.mouse.move(canvas.x + 200, canvas.y + 60);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 200 + shift, canvas.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.locator('.react-flow__node[data-id="kubectl"]').focus();
    await page.keyboard.press(']');
    expect((await focused()).id).toBe('api');
    const inSight = async () => {
      const box = await page.locator('.react-flow__node[data-id="api"]').boundingBox();
      return (
        !!box &&
        box.x >= canvas.x &&
        box.y >= canvas.y &&
        box.x + box.width <= canvas.x + canvas.width &&
        box.y + box.height <= canvas.y + canvas.height
      );
    };
    await expect.poll(inSight).toBe(true);
    // Back along incoming edges, and a dead end said in words.
    await page.locator('.react-flow__node[data-id="user"]').focus();
    await page.keyboard.press('[');
    expect((await focused()).id).toBe('user');
    await expect.poll(() => status()).toBe('Nothing comes into 사용자.');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => status()).toBe('사용자 is not a group.');
  });
});

/** Every text the step announcement region takes, recorded as it changes. */
async function recordAnnouncements(on: Page) {
  await on.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.querySelector('.fd-flowbar [role="status"]');
    if (!region) throw new Error('no step announcement region');
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => on.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean));
}

describe('a flow that explains itself', () => {
  for (const motion of ['full', 'reduced'] as const) {
    it(`announces each step once, with its caption and what it changed (${motion} motion)`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        locale: 'ko-KR',
        reducedMotion: motion === 'reduced' ? 'reduce' : 'no-preference',
      });
      const on = await context.newPage();
      try {
        await on.goto(`${base()}#/d/self-healing-cluster`);
        await on.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
        const flow = diagramModels().find((m) => m.id === 'self-healing-cluster')?.flows[0];
        if (!flow) throw new Error('self-healing-cluster has no flow');
        await on.goto(`${base()}#/d/self-healing-cluster/${flow.id}/1`);
        const region = on.locator('.fd-flowbar').getByRole('status');
        await expect.poll(() => region.textContent()).toMatch(/^\d+단계 중 1\. /);
        const said = await recordAnnouncements(on);
        for (let i = 1; i < flow.steps.length; i++) {
          await on.keyboard.press('ArrowRight');
          await expect.poll(async () => (await said()).length).toBe(i);
        }
        const texts = await said();
        // Once per step, never the whole diagram, always the caption.
        expect(new Set(texts).size).toBe(texts.length);
        for (const [i, text] of texts.entries()) {
          const caption = flow.steps[i + 1]?.caption?.replace(/^\d+\.\s*/, '') ?? '';
          expect(text).toContain(caption.trim());
          expect(text.length).toBeLessThan(400);
        }
        // What changed: the step that fails a node says so, by name.
        const failing = flow.steps.findIndex((s, i) => i > 0 && (s.fail?.length ?? 0) > 0);
        expect(failing).toBeGreaterThan(0);
        expect(texts[failing - 1]).toMatch(/실패: /);
        // Nothing else speaks the caption: the visible one is not live.
        expect(await on.locator('.fd-flowbar [aria-live]').evaluateAll((els) => els.length)).toBe(
          1,
        );
      } finally {
        await context.close();
      }
    });
  }
});

describe('the keys, on the page', () => {
  it('? lists them in the UI language, Esc puts the list away and focus back; presenter mode leaves ? to the class', async () => {
    await openDiagram(page, base(), 'cri-chain');
    const first = page.locator('.fd-canvas .react-flow__node').first();
    await first.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await expect.poll(() => help.isVisible()).toBe(true);
    const listed = await help.ariaSnapshot();
    for (const words of [
      'Into the group',
      'Along the first edge out',
      'Next or previous step',
      'Presenter mode',
    ]) {
      expect(listed).toContain(words);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    // The button in the canvas controls opens the same list.
    await page.getByRole('button', { name: 'Keyboard keys' }).click();
    await expect.poll(() => help.isVisible()).toBe(true);
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => help.isVisible()).toBe(false);
    // In presenter mode ? is not the list's (a live class asks with it).
    await page.keyboard.press('p');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode))
      .toBe('presenter');
    await page.keyboard.press('?');
    await page.waitForTimeout(300);
    expect(await help.isVisible()).toBe(false);
  });
});
