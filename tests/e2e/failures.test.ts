import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { attr, diagramModels, openDiagram } from './diagramFiles.ts';
import { replaceDiagrams } from './pageRoutes.ts';

// Failures stay contained, and no typed word is lost. Faults are injected
// from outside the app: the dev server's module for one component is
// replaced (page.route) by one that renders the real component, but throws
// while the page's `fdFault(props)` says so.

const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

declare global {
  /** The fault switch a test sets in the page: the broken component throws while it says so. */
  var fdFault: ((props: Record<string, any>) => boolean) | undefined;
}

/**
 * Serves `path`'s module as the real one (loaded as `path?real`) whose
 * `name` component throws "<name> exploded" while `fdFault(props)` is true.
 * `memo` for a component wrapped in React.memo.
 */
async function breakComponent(path: string, name: string, { memo = false } = {}) {
  const real = `real.${name}${memo ? '.type' : ''}`;
  await page.route(
    (url) => url.pathname === path && !url.searchParams.has('real'),
    (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `import * as real from '${path}?real';
export * from '${path}?real';
export function ${name}(props) {
  if (globalThis.fdFault?.(props)) throw new Error('${name} exploded');
  return ${real}(props);
}`,
      }),
  );
}

/** Console errors the page logged that mention `text`. */
function consoleErrors(text: string): () => number {
  let count = 0;
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes(text)) count++;
  });
  return () => count;
}

const MERMAID = `flowchart LR
  kubelet --> CRI[CRI gRPC API]
  CRI --> containerd`;

const editorText = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.cm-content .cm-line'))
      .map((line) => line.textContent)
      .join('\n'),
  );

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

const savedStatus = () => page.textContent('.fd-editor-saved');
const language = () => page.getByRole('combobox', { name: /Language|언어/ });

describe('a part that crashes', () => {
  it('shows its card in place of the details panel; the rest works, Try again recovers', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await breakComponent('/src/app/view/DetailsPanel.tsx', 'DetailsPanel');
    const logged = consoleErrors('DetailsPanel exploded');
    await openDiagram(page, baseUrl, 'pod-lifecycle');
    await page.evaluate(() => {
      globalThis.fdFault = () => true;
    });
    await page.locator(`.fd-canvas ${attr('data-node-id', 'admission')}`).click();

    const card = page.locator('[role="alert"][data-part="details"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('The details panel stopped working');
    expect(await card.innerText()).toContain('Error: DetailsPanel exploded');
    await page.screenshot({ path: artifactPath('crash-details.png') });
    expect(logged()).toBe(1);

    // The canvas beside it still draws and answers; the header still works.
    expect(await page.locator('.fd-canvas .react-flow__node').count()).toBeGreaterThan(5);
    await page.locator(`.fd-canvas ${attr('data-node-id', 'etcd')}`).hover();
    await expect.poll(() => page.locator('.fd-canvas[data-hovering]').count()).toBe(1);
    await language().selectOption('ko');
    await expect.poll(() => card.innerText()).toContain('자세히 패널에서 오류가 났습니다');
    await language().selectOption('en');

    // Fixed: Try again shows the panel.
    await page.evaluate(() => {
      globalThis.fdFault = undefined;
    });
    await card.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.getByRole('complementary').locator('h2').innerText())
      .toBe('어드미션 통과?');

    // Broken again, the card's way out leads to a working gallery.
    await page.evaluate(() => {
      globalThis.fdFault = () => true;
    });
    await page.locator(`.fd-canvas ${attr('data-node-id', 'etcd')}`).click();
    await card.getByRole('link', { name: 'All diagrams' }).click();
    await page.waitForSelector('.fd-gallery .fd-thumb');
  });

  it('keeps a crashed view to itself: the header works and the next view starts afresh', async () => {
    await breakComponent('/src/app/diagram/DiagramView.tsx', 'DiagramView');
    await page.addInitScript(() => {
      globalThis.fdFault = (props) => props.source?.id === 'cri-chain';
    });
    await page.goto(`${baseUrl}#/d/cri-chain`);
    const card = page.getByRole('alert');
    await card.waitFor();
    expect(await card.innerText()).toContain('This page stopped working');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: artifactPath('crash-view.png') });
    await language().selectOption('ko');
    await expect.poll(() => card.innerText()).toContain('이 화면에서 오류가 났습니다');
    await language().selectOption('en');
    await page.getByRole('link', { name: 'Flowdeck' }).click();
    await page.waitForSelector('.fd-gallery');
    await page.locator(`.fd-card${attr('data-diagram-id', 'self-healing')} a`).click();
    await page.waitForSelector('.fd-canvas[data-diagram-id="self-healing"] .react-flow__node');
  });
});

describe('a crash outside every view', () => {
  it('shows the app’s card instead of a blank page, and the next link renders it all again', async () => {
    await breakComponent('/src/app/theme/ThemeMenu.tsx', 'ThemeMenu');
    await page.addInitScript(() => {
      globalThis.fdFault = () => location.hash.startsWith('#/d/');
    });
    await page.goto(`${baseUrl}#/d/cri-chain`);
    const card = page.locator('[role="alert"][data-part="app"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('Flowdeck stopped working');
    expect(await card.innerText()).toContain('Error: ThemeMenu exploded');
    await card.getByRole('link', { name: 'All diagrams' }).click();
    await page.waitForSelector('.fd-gallery .fd-thumb');
    expect(await page.locator('[data-part="app"]').count()).toBe(0);
  });
});

describe('presenting after a crash', () => {
  it('shows the speaker window’s card, and Try again brings the notes back', async () => {
    await breakComponent('/src/app/speaker/parts.tsx', 'NextSection');
    await page.addInitScript(() => {
      globalThis.fdFault = () => true;
    });
    await page.goto(`${baseUrl}#/speaker/cri-chain/create/1`);
    const card = page.getByRole('alert');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('This page stopped working');
    expect(await card.innerText()).toContain('Error: NextSection exploded');
    await page.evaluate(() => {
      globalThis.fdFault = undefined;
    });
    await card.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('.fd-speaker');
  });

  it('keeps the diagram and its player when presenter mode crashes', async () => {
    await breakComponent('/src/app/present/Presenter.tsx', 'Presenter');
    await page.addInitScript(() => {
      globalThis.fdFault = () => true;
    });
    await openDiagram(page, baseUrl, 'cri-chain');
    const card = page.locator('[role="alert"][data-part="presenter"]');
    expect(await card.innerText()).toContain('Presenter mode stopped working');
    await page.screenshot({ path: artifactPath('crash-presenter.png') });
    expect(await page.locator('.fd-canvas .react-flow__node').count()).toBeGreaterThan(3);
    await page.getByRole('link', { name: /컨테이너가 만들어지기까지/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/d/cri-chain/create/1');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/d/cri-chain/create/2');
  });
});

describe('the editor after a crash', () => {
  it('keeps the text editor working when the drawing crashes, and every word over a reload', async () => {
    await breakComponent('/src/app/view/Canvas.tsx', 'Canvas');
    await page.addInitScript(() => {
      globalThis.fdFault = () => true;
    });
    await newDraft();
    const card = page.locator('[role="alert"][data-part="diagram"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('text editor still works');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: artifactPath('crash-editor-diagram.png') });

    await replaceText(`${MERMAID}\n  %% typed beside a crash`);
    await expect.poll(savedStatus, { timeout: 10_000 }).toBe('Saved');
    await page.reload();
    await page.waitForSelector('.cm-content');
    await expect.poll(editorText).toContain('%% typed beside a crash');

    // Fixed, the next change of text draws the diagram.
    await page.evaluate(() => {
      globalThis.fdFault = undefined;
    });
    await replaceText(`${MERMAID}\n  %% typed beside a crash\n  containerd --> runc`);
    await expect
      .poll(() => page.locator('.fd-canvas [data-node-id="runc"]').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await card.count()).toBe(0);
  });

  it('backs up the last keystrokes when the whole editor crashes, and a reload shows them', async () => {
    await breakComponent('/src/app/editor/CodeEditor.tsx', 'CodeEditor');
    await page.addInitScript(() => {
      globalThis.fdFault = (props) => String(props.value).includes('BOOM');
    });
    await newDraft();
    await expect.poll(savedStatus, { timeout: 10_000 }).toBe('Saved');
    // Crashes at once: no pause for the save after typing.
    await replaceText(`${MERMAID}\n  %% last words before BOOM`);
    const card = page.getByRole('alert');
    await card.waitFor();
    expect(await card.innerText()).toContain('The editor stopped working');
    expect(await card.innerText()).toContain('Your text is kept in this browser');
    expect(await page.locator('.cm-content').count()).toBe(0);

    await page.evaluate(() => {
      globalThis.fdFault = undefined;
    });
    await card.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('.cm-content');
    await expect.poll(editorText).toContain('%% last words before BOOM');

    await page.reload();
    await page.evaluate(() => {
      globalThis.fdFault = undefined;
    });
    await page.waitForSelector('.cm-content');
    await expect.poll(editorText).toContain('%% last words before BOOM');
  });
});

describe('a full storage quota', () => {
  it('says what happened and what to do, keeps the text, and saves once there is room', async () => {
    await newDraft();
    await expect.poll(savedStatus, { timeout: 10_000 }).toBe('Saved');
    // The browser's storage is full: IndexedDB and the localStorage backup refuse drafts.
    await page.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const put = IDBObjectStore.prototype.put;
      const setItem = Storage.prototype.setItem;
      IDBObjectStore.prototype.put = full;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('flowdeck.draft')) full();
        setItem.call(this, key, value);
      };
      Object.assign(globalThis, {
        roomAgain() {
          IDBObjectStore.prototype.put = put;
          Storage.prototype.setItem = setItem;
        },
      });
    });
    await replaceText(`${MERMAID}\n  %% written while full`);
    await expect.poll(savedStatus, { timeout: 10_000 }).toContain('storage for Flowdeck is full');
    expect(await savedStatus()).toContain('Your text is still here');
    expect(await editorText()).toContain('%% written while full');
    await language().selectOption('ko');
    await expect.poll(savedStatus).toContain('저장 공간이 가득 찼습니다');
    await language().selectOption('en');

    await page.evaluate(() => (globalThis as unknown as { roomAgain: () => void }).roomAgain());
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' and after');
    await expect.poll(savedStatus, { timeout: 10_000 }).toBe('Saved');
    await page.reload();
    await page.waitForSelector('.cm-content');
    await expect.poll(editorText).toContain('%% written while full and after');
  });
});

describe('a storage full from the start', () => {
  it('still opens a new draft with its text, and says it is not saved', async () => {
    await page.addInitScript(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const setItem = Storage.prototype.setItem;
      IDBObjectStore.prototype.put = full;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('flowdeck.draft')) full();
        setItem.call(this, key, value);
      };
    });
    await newDraft();
    await expect.poll(savedStatus, { timeout: 10_000 }).toContain('storage for Flowdeck is full');
    expect(await editorText()).toContain('title:');
  });
});

describe('the gallery with a broken file', () => {
  const card = (id: string) => page.locator(`.fd-card${attr('data-diagram-id', id)}`);

  it('shows an error card for a file that does not read or is too deep; the others draw and open', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    // Groups nested past what can be laid out: refused rather than drawn.
    const groups = Array.from({ length: 40 }, (_, i) => `subgraph g${i}`);
    const deep = ['flowchart TB', ...groups, 'a --> b', ...groups.map(() => 'end')].join('\n');
    await replaceDiagrams(page, {
      'cri-chain.yaml': 'title: Broken\nnodes:\n  api: [unclosed\n',
      'apply-flow.mmd': deep,
    });
    await page.goto(baseUrl);

    const others = diagramModels().filter((m) => m.id !== 'cri-chain' && m.id !== 'apply-flow');
    await expect
      .poll(() => page.locator('.fd-card:not([data-broken]) .fd-thumb').count(), {
        timeout: 60_000,
      })
      .toBe(others.length);
    // Its error comes from the layout worker, which may still be busy with the others.
    await expect
      .poll(() => card('cri-chain').innerText(), { timeout: 60_000 })
      .toContain('This diagram has errors');
    expect(await card('cri-chain').locator('small').innerText()).toMatch(/^Line 4, column \d+: /);
    await expect
      .poll(() => card('apply-flow').getAttribute('data-broken'), { timeout: 60_000 })
      .toBe('');
    expect(await card('apply-flow').innerText()).toContain('This diagram has errors');
    expect(await card('apply-flow').locator('small').innerText()).not.toBe('');
    await page.screenshot({ path: artifactPath('gallery-broken.png') });

    // The broken card opens the diagram's errors, line and column first.
    await card('cri-chain').locator('a').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/cri-chain\.yaml:4:\d+: error/);
    await page.goBack();
    await card('self-healing').locator('a').click();
    await page.waitForSelector('.fd-canvas[data-diagram-id="self-healing"] .react-flow__node');
  });

  it('says why a layout failed on its card, and the others still draw', async () => {
    // Groups nested past the layout's recursion, let through by raising the depth limit.
    const groups = Array.from({ length: 4000 }, (_, i) => `subgraph g${i}`);
    const deep = ['flowchart TB', ...groups, 'a --> b', ...groups.map(() => 'end')].join('\n');
    await replaceDiagrams(page, { 'apply-flow.mmd': deep });
    await page.goto(`${baseUrl}?limits=depth=5000`);
    await expect
      .poll(() => card('apply-flow').getAttribute('data-broken'), { timeout: 60_000 })
      .toBe('');
    expect(await card('apply-flow').innerText()).toContain('This diagram could not be drawn');
    expect(await card('apply-flow').locator('small').innerText()).toMatch(
      /^Could not be laid out: .*call stack/,
    );
    await expect
      .poll(() => page.locator('.fd-thumb').count(), { timeout: 60_000 })
      .toBe(diagramModels().length - 1);
  });

  it('keeps the gallery when one thumbnail fails to draw', async () => {
    await breakComponent('/src/app/view/Thumbnail.tsx', 'Thumbnail', { memo: true });
    await page.addInitScript(() => {
      globalThis.fdFault = (props) => props.diagram?.id === 'self-healing';
    });
    await page.goto(baseUrl);
    await expect
      .poll(() => page.locator('.fd-thumb').count(), { timeout: 60_000 })
      .toBe(diagramModels().length - 1);
    expect(await card('self-healing').innerText()).toContain('The preview could not be drawn');
    expect(await card('self-healing').innerText()).toContain('Thumbnail exploded');
    await card('self-healing').locator('a').click();
    await page.waitForSelector('.fd-canvas[data-diagram-id="self-healing"] .react-flow__node');
  });
});
