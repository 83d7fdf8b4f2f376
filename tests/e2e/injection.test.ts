import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { DOMParser, PAYLOADS, STYLE_PAYLOADS, unsafeParts } from '../payloads.ts';
import { freshPagePerTest } from './chromium.ts';
import { settle } from './diagramFiles.ts';
import { downloadFromMenu } from './exportMenu.ts';

/**
 * tests/payloads.ts in a real Chromium: a spec holding every payload in
 * every field, opened from a share link, and a Mermaid chart holding them,
 * pasted on the home page. Viewed, stepped, its details opened and presented,
 * nothing may run (no dialog, no `window.__pwned`), no element may come from
 * a payload, links made from content are http(s) or mailto only, and the
 * words show as text. The export's side is tests/injection.test.ts.
 */
const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
let dialogs: string[];
beforeEach(async () => {
  ({ page } = session);
  dialogs = [];
  // The page's own inline scripts (the dev server's React refresh preamble) are
  // there when the HTML has been read; any other one came later, from content.
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      for (const s of Array.from(document.scripts)) s.dataset.servedWithPage = '';
    }),
  );
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

/** A share link's fragment, in the format of src/app/editor/share.ts: version 1, deflated, base64url. */
const shareFragment = (text: string) =>
  `1${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

const q = (text: string) => JSON.stringify(text);
const CHUNK = 6;
const chunks = Array.from({ length: Math.ceil(PAYLOADS.length / CHUNK) }, (_, k) =>
  PAYLOADS.slice(k * CHUNK, (k + 1) * CHUNK).map((p) => p.text),
);

/** Every payload as a node (label, description, details, link), an edge label, a group title, a caption and notes. */
const TITLE = `Title ${PAYLOADS[26]?.text}`;
const SPEC = `title: ${q(TITLE)}
description: ${q(PAYLOADS[2]?.text ?? '')}
nodes:
${PAYLOADS.map(
  (p, i) =>
    `  p${i}: { label: ${q(p.text)}, description: ${q(p.text)}, details: ${q(`see [docs](https://example.com/docs) and ${p.text}`)}, link: ${q(p.text)} }`,
).join('\n')}
  g:
    label: ${q(PAYLOADS[1]?.text ?? '')}
    nodes:
      styled: { label: styled, style: { fill: ${q(STYLE_PAYLOADS[1]?.text ?? '')}, stroke: ${q(STYLE_PAYLOADS[3]?.text ?? '')}, color: ${q(STYLE_PAYLOADS[0]?.text ?? '')} } }
edges:
${PAYLOADS.slice(1)
  .map((p, i) => `  - { from: p${i}, to: p${i + 1}, label: ${q(p.text)} }`)
  .join('\n')}
  - p0 -> styled
flows:
  - id: f
    title: ${q(PAYLOADS[3]?.text ?? '')}
    steps:
${chunks
  .map(
    (texts, k) =>
      `      - { caption: ${q(texts.join(' '))}, notes: ${q(texts.join('\n'))}, nodes: [p${k * CHUNK}] }`,
  )
  .join('\n')}
`;

const mq = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
/** The same payloads as a Mermaid chart: node labels, edge labels, a subgraph title, clicks. */
const MERMAID = `flowchart LR
${PAYLOADS.map((p, i) => `  m${i}[${mq(p.text)}]`).join('\n')}
${PAYLOADS.slice(1)
  .map((p, i) => `  m${i} -->|${mq(p.text)}| m${i + 1}`)
  .join('\n')}
  subgraph sg [${mq(PAYLOADS[0]?.text ?? '')}]
    m0
  end
${PAYLOADS.map((p, i) => `  click m${i} href ${mq(p.text)} ${mq(p.text)}`).join('\n')}
`;

/**
 * What a payload would leave in the page if it got in: the sink's flag, and
 * elements or attributes the app never makes from content.
 */
function unsafeDom(on: Page): Promise<string[]> {
  return on.evaluate(() => {
    const found: string[] = [];
    if ((window as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned');
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const name = el.localName.toLowerCase();
      if (['iframe', 'object', 'embed', 'foreignobject', 'frame'].includes(name))
        found.push(`<${name}>`);
      // The app's own scripts: in the HTML as served, or module files of this origin.
      if (name === 'script' && !el.hasAttribute('data-served-with-page')) {
        const src = el.getAttribute('src');
        if (!src || new URL(src, location.href).origin !== location.origin)
          found.push(`<script>${el.textContent?.slice(0, 40)}`);
      }
      if (
        name === 'img' &&
        new URL(el.getAttribute('src') ?? '', location.href).origin !== location.origin
      )
        found.push(`<img src=${el.getAttribute('src')}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${name}[${attr.name}]`);
        if (/(^|:)href$|^src$|^action$|^formaction$/i.test(attr.name)) {
          const url = new URL(attr.value, location.href);
          if (!['http:', 'https:', 'mailto:'].includes(url.protocol))
            found.push(`${name}[${attr.name}=${attr.value}]`);
        }
        if (attr.name === 'style' && /url\(|expression|javascript:/i.test(attr.value))
          found.push(`${name}[style=${attr.value}]`);
      }
    }
    return found;
  });
}

/** The page's words, blanks removed (labels wrap, so lines break anywhere). */
const squash = (text: string) => text.replace(/\s+/g, '');
const shown = async (selector: string, on = page) =>
  squash(await on.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector));

/** Clicks an item of the Export menu and returns the text of the file it downloads. */
const download = async (label: string) =>
  (await downloadFromMenu(page, label)).data.toString('utf8');

async function expectClean(on = page) {
  expect(await unsafeDom(on)).toEqual([]);
  expect(dialogs).toEqual([]);
}

describe('script injection in the app', () => {
  it('a shared spec full of payloads: viewed, stepped, details opened and presented, nothing runs', async () => {
    const link = `${baseUrl}#/share/${shareFragment(SPEC)}`;
    await page.goto(link);
    await page.waitForSelector('.fd-canvas [data-node-id="p0"]', { timeout: 30_000 });
    await settle(page);
    await expectClean();
    // Every label is there, as the words that were written.
    const canvas = await shown('.fd-canvas');
    for (const p of PAYLOADS) expect(canvas, p.name).toContain(squash(p.text));

    // The details of a few nodes: markdown links only where safe, the rest as text.
    for (const i of [0, 6, 12, 20, 21, 26]) {
      await page.locator(`.fd-canvas [data-node-id="p${i}"]`).click();
      const panel = page.getByRole('complementary');
      await expect.poll(() => panel.getAttribute('data-panel-node')).toBe(`p${i}`);
      const payload = PAYLOADS[i]?.text ?? '';
      const hrefs = await panel
        .locator('a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['https://example.com/docs']);
      if (!payload.startsWith('['))
        expect(squash(await panel.innerText())).toContain(squash(payload));
      await expectClean();
      await page.keyboard.press('Escape');
    }

    // The flow, step by step, then presented.
    await page.goto(`${link}/f/1`);
    for (let k = 0; k < chunks.length; k++) {
      await expect.poll(() => shown('.fd-caption')).toContain(squash(chunks[k]?.[0] ?? ''));
      await expectClean();
      if (k < chunks.length - 1) await page.getByRole('button', { name: 'Next step' }).click();
    }
    await page.keyboard.press('p');
    await settle(page);
    await expectClean();
    await page.keyboard.press('Escape');

    // Exported files hold the words as text and nothing that runs.
    for (const label of ['SVG of this view', 'Animated SVG of the flow']) {
      const svg = await download(label);
      expect(unsafeParts(svg), label).toEqual([]);
      const text = squash(
        new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.textContent ?? '',
      );
      for (const p of PAYLOADS) expect(text, `${label}: ${p.name}`).toContain(squash(p.text));
    }
  });

  it('a pasted Mermaid chart full of payloads opens as a draft, and nothing runs', async () => {
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
    await page.waitForSelector('.fd-canvas [data-node-id="m0"]', { timeout: 30_000 });
    await settle(page);
    await expectClean();
    // Entities decode to characters shown as text: `#lt;script#gt;` reads `<script>`.
    const canvas = await shown('.fd-canvas');
    expect(canvas).toContain(squash('<script>window.__pwned=1</script>'));
    expect(canvas).toContain(squash('<img src=x onerror=window.__pwned=1>'));
    // The editor shows the source as it is.
    expect(squash((await page.textContent('.cm-content')) ?? '')).toContain(
      squash(mq(PAYLOADS[2]?.text ?? '')),
    );
    await page.locator('.fd-canvas [data-node-id="m12"]').click();
    await settle(page);
    await expectClean();
  });
});
