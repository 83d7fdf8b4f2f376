import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';
import { attr, deckPlay, settle } from './diagramFiles.ts';

// Captions a class can read: a pasted chart's default flow says what happens
// along each edge, under a title that is a word in the UI's language, and the
// lesson deck lights cgroups v2's "단일 통합 계층 구조" on a slide of its own.

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// The words that differ between the UI languages.
const LANGUAGES = [
  {
    locale: 'en-US',
    walkthrough: 'Walkthrough',
    next: 'Next step',
    slide: (n: number) => `Slide ${n} of`,
  },
  { locale: 'ko-KR', walkthrough: '둘러보기', next: '다음 단계', slide: (n: number) => `중 ${n}` },
] as const;

/** A fresh page in its own context, the browser speaking `locale`. */
async function pageIn(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  return context.newPage();
}

const CHART = `flowchart LR
  kubectl -->|HTTPS 요청| API[API Server]
  API --> etcd[(etcd)]
  subgraph V2[Cgroups v2]
    V2A[단일 통합 계층 구조] --> V2B[container1/ container2/]
  end`;

// What the chart's steps must say: its own labels and arrows, the same in any UI language.
const CAPTIONS = [
  'kubectl',
  'kubectl → API Server: HTTPS 요청',
  'API Server → etcd',
  '단일 통합 계층 구조',
  '단일 통합 계층 구조 → container1/ container2/',
];

/** The caption a player bar shows, without its step counter. */
const captionIn = (page: Page, bar: string) => () =>
  page.evaluate((selector) => {
    const p = document.querySelector(`${selector} .fd-caption p`);
    const count = p?.querySelector('.fd-step-count')?.textContent ?? '';
    return (p?.textContent ?? '').slice(count.length).replace(/\s+/g, ' ').trim();
  }, bar);

const activeNodes = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.fd-canvas [data-node-id][data-state="active"]')).map(
      (n) => n.getAttribute('data-node-id'),
    ),
  );

async function paste(page: Page, text: string) {
  await page.goto(baseUrl);
  await page.waitForSelector('.fd-gallery');
  await page.evaluate((chart) => {
    const data = new DataTransfer();
    data.setData('text/plain', chart);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    );
  }, text);
  await page.waitForURL(/#\/draft\//);
}

describe('a pasted Mermaid chart', () => {
  for (const { locale, walkthrough, next } of LANGUAGES) {
    it(`plays a default flow titled “${walkthrough}” whose steps say what happens (${locale})`, async () => {
      const page = await pageIn(locale);
      try {
        await paste(page, CHART);
        // The way in names the flow: a word in the UI's language, never the draft's id.
        const start = page.locator('.fd-flowstart a').first();
        await expect.poll(() => start.innerText(), { timeout: 15_000 }).toContain(walkthrough);
        expect(await start.innerText()).not.toMatch(/\bdiagram\b/);
        await start.click();
        await page.waitForURL(/\/main\/1$/);
        await settle(page);
        expect(await page.locator('.fd-flowbar .fd-flow-title').innerText()).toBe(walkthrough);

        const lit = new Set<string>();
        for (const [index, caption] of CAPTIONS.entries()) {
          if (index > 0) await page.getByRole('button', { name: next }).click();
          await expect.poll(captionIn(page, '.fd-flowbar')).toBe(caption);
          for (const id of await activeNodes(page)) if (id) lit.add(id);
          if (caption === '단일 통합 계층 구조') {
            // The start of the second chain, lit alone before it is walked.
            expect(await activeNodes(page)).toEqual(['V2A']);
            await settle(page);
            await page.screenshot({ path: artifactPath(`captions-paste-${locale}.png`) });
          }
        }
        // Every node of the chart was lit by some step.
        expect([...lit].sort()).toEqual(['API', 'V2A', 'V2B', 'etcd', 'kubectl']);
      } finally {
        await page.context().close();
      }
    });
  }

  it('says the flow’s title again when the UI language changes, captions unchanged', async () => {
    const page = await pageIn('en-US');
    try {
      await paste(page, CHART);
      await page.locator('.fd-flowstart a').first().click({ timeout: 15_000 });
      await expect.poll(captionIn(page, '.fd-flowbar')).toBe(CAPTIONS[0]);
      const title = page.locator('.fd-flowbar .fd-flow-title');
      expect(await title.innerText()).toBe('Walkthrough');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
      await expect.poll(() => title.innerText()).toBe('둘러보기');
      expect(await captionIn(page, '.fd-flowbar')()).toBe(CAPTIONS[0]);
    } finally {
      await page.context().close();
    }
  });
});

describe('the part1 deck', () => {
  const played = deckPlay('diagrams/part1.yaml');

  for (const { locale, slide } of LANGUAGES) {
    it(`has a cgroups slide lighting “단일 통합 계층 구조” (${locale})`, async () => {
      const { slides } = await played;
      const first = slides.findIndex((s) => s.diagramId === 'cgroups');
      expect(first).toBeGreaterThanOrEqual(0);
      const page = await pageIn(locale);
      try {
        await page.goto(`${baseUrl}#/deck/part1/${first + 1}`);
        await page.waitForSelector('.fd-deckbar', { timeout: 60_000 });
        await settle(page);
        const onCanvas = () =>
          page.locator('.fd-canvas').first().getAttribute('data-diagram-id', { timeout: 2000 });
        const v2a = page.locator(`.fd-canvas [data-node-id="V2A"]${attr('data-state', 'active')}`);
        let found: { number: number; caption: string } | null = null;
        // Step through the cgroups slides as a teacher would, until V2A lights.
        for (let number = first + 1; (await onCanvas()) === 'cgroups'; number++) {
          await expect.poll(() => page.url()).toMatch(new RegExp(`#/deck/part1/${number}$`));
          const bar = await page.locator('.fd-deckbar .fd-caption').innerText();
          expect(bar).toContain(slide(number));
          if ((await v2a.count()) > 0) {
            found = { number, caption: await captionIn(page, '.fd-deckbar')() };
            await settle(page);
            await page.screenshot({ path: artifactPath(`captions-deck-cgroups-${locale}.png`) });
            break;
          }
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => page.url()).toMatch(new RegExp(`#/deck/part1/${number + 1}$`));
          await settle(page);
        }
        expect(found, 'no cgroups slide lights V2A').not.toBeNull();
        expect(found?.caption).toContain('단일 통합 계층 구조');
      } finally {
        await page.context().close();
      }
    });
  }
});
