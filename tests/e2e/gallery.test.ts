import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';
import { diagramModels } from './diagramFiles.ts';
import { holdLayouts, replaceDiagrams } from './pageRoutes.ts';

/**
 * The home page's cards keep one width per column from the first paint:
 * while the layout worker has not answered (every card a placeholder),
 * while thumbnails arrive one by one, and once every card is drawn or
 * broken, with long titles, in English and Korean, on a laptop, a big
 * screen and a phone. The worker is held back (its script request is
 * intercepted and answered only after the loading cards are measured), so
 * the loading state is seen however fast the machine is.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Two diagrams served with long titles (an unbroken English one and a
 * Korean one) and a long description, in place of the files in diagrams/.
 */
const LONG_TITLES: Record<string, string> = {
  'isolation.yaml': [
    'title: ContainerIsolationWithLinuxNamespacesAndControlGroupsExplainedStepByStep',
    'description: A description long enough to wrap over several lines of a card, to see that a long text does not make its card any wider than the others in its column.',
    'nodes: { a: Namespace, b: cgroup }',
    'edges: [a -> b]',
  ].join('\n'),
  'orchestrator.yaml': [
    'title: 컨테이너 오케스트레이터가 선언한 상태를 받아 스케줄링, 자가 치유, 스케일링으로 그 상태를 끝까지 지키는 방법',
    'nodes: { a: 선언, b: 관리 }',
    'edges: [a -> b]',
  ].join('\n'),
};

// Each size once, the languages across them (the long titles are in both either way).
const CASES = [
  { width: 1024, height: 768, locale: 'ko-KR' },
  { width: 1440, height: 900, locale: 'en-US' },
  { width: 390, height: 844, locale: 'ko-KR' },
];

interface CardBox {
  id: string;
  state: 'loading' | 'drawn' | 'broken';
  /** The card as drawn (its bordered link), and its grid cell. */
  x: number;
  y: number;
  width: number;
  cell: number;
  /** The title wider than the card: cut off rather than wrapped. */
  titleClipped: boolean;
}

function cardBoxes(page: Page): Promise<CardBox[]> {
  return page.$$eval('.fd-card', (cards) =>
    cards.map((card) => {
      const link = card.querySelector(':scope > a')?.getBoundingClientRect();
      const title = card.querySelector('h3');
      const state = card.querySelector('.fd-thumb')
        ? 'drawn'
        : card.hasAttribute('data-broken')
          ? 'broken'
          : 'loading';
      return {
        id: card.getAttribute('data-diagram-id') ?? '?',
        state,
        x: link?.x ?? Number.NaN,
        y: link?.y ?? Number.NaN,
        width: link?.width ?? Number.NaN,
        cell: card.getBoundingClientRect().width,
        titleClipped: title ? title.scrollWidth > title.clientWidth + 1 : false,
      } as const;
    }),
  );
}

/** Cards grouped by a rounded coordinate: a column (by x) or a row (by y). */
function groupBy(cards: CardBox[], key: (card: CardBox) => number) {
  const groups = new Map<number, CardBox[]>();
  for (const card of cards) {
    const k = Math.round(key(card));
    groups.set(k, [...(groups.get(k) ?? []), card]);
  }
  return [...groups.values()];
}

/** Every card as wide as its grid cell, and as the other cards of its column and its row. */
function expectEvenCards(cards: CardBox[], when: string) {
  expect(cards.length, when).toBeGreaterThan(0);
  const widths = (group: CardBox[]) =>
    group.map((c) => `${c.id} (${c.state}) ${c.width.toFixed(1)}`);
  for (const card of cards)
    expect(Math.abs(card.width - card.cell), `${when}: ${card.id} fills its cell`).toBeLessThan(
      0.5,
    );
  for (const group of [...groupBy(cards, (c) => c.x), ...groupBy(cards, (c) => c.y)]) {
    const spread = Math.max(...group.map((c) => c.width)) - Math.min(...group.map((c) => c.width));
    expect(spread, `${when}: ${widths(group).join(', ')}`).toBeLessThan(0.5);
  }
  expect(
    cards.filter((c) => c.titleClipped).map((c) => c.id),
    `${when}: titles cut off`,
  ).toEqual([]);
}

async function openHeld(viewport: { width: number; height: number }, locale: string) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const release = await holdLayouts(page);
  await replaceDiagrams(page, LONG_TITLES);
  // Diagrams over 12 nodes are refused: some cards end up broken, the rest drawn.
  await page.goto(`${inject('baseUrl')}?limits=nodes=12`);
  return { context, page, release };
}

describe('gallery cards', () => {
  for (const { width, height, locale } of CASES) {
    const name = `gallery-${width}x${height}-${locale}`;
    it(`keep one width per column while loading and once loaded, at ${width}×${height} in ${locale}`, async () => {
      const { context, page, release } = await openHeld({ width, height }, locale);
      try {
        await expect
          .poll(() => page.locator('.fd-card').count(), { timeout: 30_000 })
          .toBe(diagramModels().length);
        const loading = await cardBoxes(page);
        expect(loading.filter((c) => c.state !== 'loading').map((c) => c.id)).toEqual([]);
        await page.screenshot({ path: artifactPath(`${name}-loading.png`), fullPage: true });
        expectEvenCards(loading, 'loading');
        const before = new Map(loading.map((c) => [c.id, c]));

        // The worker starts: check every state the page passes through on its way.
        await release();
        let cards = loading;
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          cards = await cardBoxes(page);
          expectEvenCards(cards, 'while thumbnails arrive');
          if (!cards.some((c) => c.state === 'loading')) break;
          await page.waitForTimeout(100);
        }
        expect(cards.filter((c) => c.state === 'loading').map((c) => c.id)).toEqual([]);
        await page.screenshot({ path: artifactPath(`${name}-loaded.png`), fullPage: true });
        expect(cards.filter((c) => c.state === 'broken').length).toBeGreaterThan(0);
        expect(cards.filter((c) => c.state === 'drawn').length).toBeGreaterThan(0);
        // The long titles are there, wrapped inside their cards.
        const titles = (await page.locator('.fd-card h3').allInnerTexts()).join('\n');
        for (const text of Object.values(LONG_TITLES))
          expect(titles).toContain(text.split('\n')[0]?.slice('title: '.length));
        expectEvenCards(cards, 'loaded');
        // Nothing moved sideways or changed width as the thumbnails came in.
        for (const card of cards) {
          const was = before.get(card.id);
          expect(Math.abs(card.width - (was?.width ?? 0)), `${card.id} width`).toBeLessThan(0.5);
          expect(Math.abs(card.x - (was?.x ?? 0)), `${card.id} x`).toBeLessThan(0.5);
        }
      } finally {
        await context.close();
      }
    });
  }
});
