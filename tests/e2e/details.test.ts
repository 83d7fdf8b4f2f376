import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { attr, diagramModels, openDiagram } from './diagramFiles.ts';

/*
 * What a teacher trying the explorer noticed: details that said "nothing"
 * beside a group full of edges, step numbers shown twice, "1 steps", and
 * drafts listed under a name they do not have.
 */

const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

const node = (id: string) => page.locator(`.fd-canvas ${attr('data-node-id', id)}`);
const panel = () => page.getByRole('complementary');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Replaces the editor's text as a reader would: select all, then type or paste. */
async function replaceText(text: string) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** A new draft holding `text`; its URL. */
async function draftWith(text: string): Promise<string> {
  await page.goto(`${baseUrl}#/new`);
  await page.waitForURL(/#\/draft\//);
  await page.waitForSelector('.cm-content');
  await replaceText(text);
  await expect.poll(() => page.textContent('.fd-editor-saved'), { timeout: 10_000 }).toBe('Saved');
  return page.url();
}

/** The names the drafts list shows, top to bottom. */
async function listedDrafts(): Promise<string[]> {
  await page.waitForSelector('.fd-drafts');
  await expect.poll(() => page.locator('.fd-drafts li').count()).toBeGreaterThan(0);
  return page.locator('.fd-drafts li a').allInnerTexts();
}

describe('details through groups', () => {
  // Read from the spec in Node, so the test follows diagrams/ if its words change.
  const cri = diagramModels().find((m) => m.id === 'cri-chain');
  if (!cri) throw new Error('no cri-chain');
  const label = (id: string) => cri.nodes.find((n) => n.id === id)?.label || id;
  const group = cri.nodes.find((n) => n.id === 'CD')?.parent;
  if (!group) throw new Error('containerd is in no group');
  const from = cri.edges.filter((e) => e.target === group).map((e) => label(e.source));
  const to = cri.edges.filter((e) => e.source === group).map((e) => label(e.target));

  it('lists the edges that reach containerd through its group, each a click away', async () => {
    expect(from.length).toBeGreaterThan(0);
    expect(to.length).toBeGreaterThan(0);
    expect(cri.edges.some((e) => e.source === 'CD' || e.target === 'CD')).toBe(false);

    await openDiagram(page, baseUrl, 'cri-chain');
    await node('CD').click();
    await expect.poll(() => panel().locator('h2').innerText()).toBe(label('CD'));
    const through = (direction: string) =>
      panel().locator(`[data-direction="${direction}"] ${attr('data-through', group)}`);
    await expect.poll(() => through('incoming').count()).toBe(1);
    expect(await through('incoming').locator('.fd-through-head').innerText()).toBe(
      `Through ${label(group)}`,
    );
    expect(await through('incoming').locator('li button').allInnerTexts()).toEqual(
      from.map((name) => `← ${name}`),
    );
    expect(await through('outgoing').locator('li button').allInnerTexts()).toEqual(
      to.map((name) => `→ ${name}`),
    );
    // Neither direction says there is nothing.
    expect(await panel().innerText()).not.toContain('Nothing');
    await page.screenshot({ path: artifactPath('details-through-group.png') });

    // A click goes to the node at the far end.
    const first = cri.edges.find((e) => e.target === group);
    if (!first) throw new Error('no edge into the group');
    await through('incoming').locator('li button').first().click();
    await expect.poll(() => panel().getAttribute('data-panel-node')).toBe(first.source);
    expect(await node(first.source).getAttribute('data-selected')).not.toBeNull();
  });

  it('lists a group’s own edges as its own, folded or not', async () => {
    await openDiagram(page, baseUrl, 'cri-chain');
    // From a member, up to its group by the name above the member's title.
    await node('CD').click();
    await panel().locator('.fd-kind button').click();
    await expect.poll(() => panel().getAttribute('data-panel-node')).toBe(group);
    const own = (direction: string) =>
      panel().locator(`[data-direction="${direction}"] > .fd-links li button`);
    expect(await own('incoming').allInnerTexts()).toEqual(from.map((name) => `← ${name}`));
    expect(await own('outgoing').allInnerTexts()).toEqual(to.map((name) => `→ ${name}`));
    expect(await panel().locator('.fd-through').count()).toBe(0);

    await panel().getByRole('button', { name: 'Collapse group' }).click();
    // The first layout not made ahead of time starts the layout engine.
    await expect
      .poll(() => node(group).getAttribute('data-collapsed'), { timeout: 15_000 })
      .not.toBeNull();
    await expect.poll(() => own('incoming').allInnerTexts()).toEqual(from.map((n) => `← ${n}`));
    expect(await own('outgoing').allInnerTexts()).toEqual(to.map((name) => `→ ${name}`));
  });
  it('goes up nested groups, nearest first, and keeps a busy group’s list short until asked', async () => {
    const sources = Array.from({ length: 12 }, (_, i) => `s${i}`);
    await draftWith(`flowchart LR
${sources.map((id) => `  ${id} --> outer`).join('\n')}
  subgraph outer[Container runtimes]
    subgraph inner[Inner group]
      CD[containerd]
    end
    outer --> inner
  end
  outer --> out
  inner --> out2`);
    await expect.poll(() => node('CD').count(), { timeout: 15_000 }).toBe(1);
    await node('CD').click();
    const heads = panel().locator('[data-direction="outgoing"] .fd-through-head');
    await expect
      .poll(() => heads.allInnerTexts())
      .toEqual(['Through Inner group', 'Through Container runtimes']);
    // outer --> inner stays out: it ends around containerd, not elsewhere.
    expect(
      await panel()
        .locator('[data-direction="outgoing"] [data-through="outer"] li button')
        .allInnerTexts(),
    ).toEqual(['→ out']);
    const into = panel().locator('[data-direction="incoming"] [data-through="outer"] li button');
    expect(await into.allInnerTexts()).toEqual([
      ...sources.slice(0, 8).map((id) => `← ${id}`),
      'Show 4 more connections',
    ]);
    await into.last().click();
    expect(await into.allInnerTexts()).toEqual(sources.map((id) => `← ${id}`));
  });
});

describe('step numbers', () => {
  /** The step list's rows as [number, text after it]. */
  const stepRows = () =>
    page.locator('.fd-step-list button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const number = b.querySelector('.fd-step-number')?.textContent ?? '';
        return [number, (b.textContent ?? '').slice(number.length).trim()];
      }),
    );
  /** The caption line: its counter, and the caption after it. */
  const captionLine = async () => {
    const line = page.locator('.fd-caption p');
    const count = await line.locator('.fd-step-count').innerText();
    return [count, oneLine((await line.innerText()).replace(count, ''))];
  };

  it('shows each number once in a Mermaid chart whose labels are numbered', async () => {
    const url = await draftWith(`flowchart TB
A["1. 사용자가 YAML 작성"]
B["2) kubectl apply -f deployment.yaml"]
C["③ API Server가 요청 수신"]
A --> B --> C`);
    await page.goto(`${url}/main/1`);
    await expect
      .poll(captionLine, { timeout: 15_000 })
      .toEqual(['Step 1 of 3', '사용자가 YAML 작성']);
    await page.getByRole('button', { name: 'Steps' }).click();
    expect(await stepRows()).toEqual([
      ['1', '사용자가 YAML 작성'],
      ['2', 'kubectl apply -f deployment.yaml'],
      ['3', 'API Server가 요청 수신'],
    ]);
    await page.screenshot({ path: artifactPath('steps-numbered-once.png') });
    await page.keyboard.press('ArrowRight');
    await expect.poll(captionLine).toEqual(['Step 2 of 3', 'kubectl apply -f deployment.yaml']);
  });

  // A flow of diagrams/ whose captions carry their numbers (kubectl-apply's, as written).
  const numbered = diagramModels()
    .flatMap((m) => m.flows.map((f) => ({ diagram: m.id, flow: f })))
    .find(({ flow }) => flow.steps.every((s, i) => s.caption?.startsWith(`${i + 1}. `)));

  it.runIf(numbered)(
    'shows each number once in a flow of diagrams/ with numbered captions',
    async () => {
      if (!numbered) return;
      const { diagram, flow } = numbered;
      const texts = flow.steps.map((s, i) => oneLine((s.caption ?? '').slice(`${i + 1}. `.length)));
      await page.goto(`${baseUrl}#/d/${diagram}/${flow.id}/1`);
      await expect
        .poll(captionLine, { timeout: 30_000 })
        .toEqual([`Step 1 of ${texts.length}`, texts[0]]);
      await page.getByRole('button', { name: 'Steps' }).click();
      expect((await stepRows()).map(([n, text]) => [n, oneLine(text ?? '')])).toEqual(
        texts.map((text, i) => [String(i + 1), text]),
      );
      await page.screenshot({ path: artifactPath('steps-numbered-once-spec.png') });
    },
  );
});

describe('counts', () => {
  it('says "1 step" and "2 steps"', async () => {
    const url = await draftWith(`title: Counting
nodes:
  a: A
  b: B
edges:
  - a -> b
flows:
  - id: one
    title: One
    steps:
      - { caption: only, nodes: [a] }
  - id: two
    title: Two
    steps:
      - { caption: first, nodes: [a] }
      - { caption: second, nodes: [b] }
`);
    await page.goto(url);
    const start = page.locator('.fd-flowstart');
    await expect.poll(() => start.locator('a').count(), { timeout: 15_000 }).toBe(2);
    expect((await start.locator('a').allInnerTexts()).map(oneLine)).toEqual([
      '▶ One (1 step)',
      '▶ Two (2 steps)',
    ]);
  });
});

describe('drafts under their own names', () => {
  it('lists a draft under the title typed into it, and renames it after an edit', async () => {
    const url = await draftWith(`title: 3계층 웹 애플리케이션
nodes:
  web: Web
  db: { label: DB, shape: cylinder }
edges:
  - web -> db
`);
    await page.goto(`${baseUrl}#/drafts`);
    expect(await listedDrafts()).toEqual(['3계층 웹 애플리케이션']);

    // Edit the title and leave at once, before the pause that saves.
    await page.goto(url);
    await page.waitForSelector('.cm-content');
    await page.getByText('3계층 웹 애플리케이션').first().click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' (개정)');
    await page.getByRole('link', { name: 'Drafts' }).click();
    await expect.poll(listedDrafts).toEqual(['3계층 웹 애플리케이션 (개정)']);
    await page.screenshot({ path: artifactPath('drafts-titles.png') });
  });

  it('names a draft saved by older code from its text', async () => {
    await page.goto(`${baseUrl}#/drafts`);
    await page.waitForSelector('.fd-drafts');
    // As the old editor saved it: the starter's title, though the text was retitled.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('flowdeck', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('drafts', { keyPath: 'id' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').put({
              id: 'old-one',
              title: 'New diagram',
              text: 'title: Retitled long ago\nnodes:\n  a: A\n',
              language: 'yaml',
              created: 1,
              updated: 1,
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    await page.reload();
    expect(await listedDrafts()).toContain('Retitled long ago');
  });

  it('lists a copy made from a share link under its title', async () => {
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await draftWith(`---
title: 공유된 흐름
---
flowchart LR
  kubelet --> containerd --> runc`);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('#/share/');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    await page.goto(link);
    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await page.waitForURL(/#\/draft\//);
    await page.waitForSelector('.cm-content');
    await page.goto(`${baseUrl}#/drafts`);
    await expect.poll(listedDrafts).toEqual(['공유된 흐름', '공유된 흐름']);
    expect(await page.locator('.fd-drafts').innerText()).not.toContain('Untitled');
  });
});
