import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import {
  labelsUnder,
  listProblems,
  type SizeSummary,
  screensUnder,
  summarise,
  TARGETS,
} from './rehearsal/legibility.ts';
import {
  measureScreen,
  type ScreenFigures,
  type SubjectFigure,
  type TitleFigure,
} from './rehearsal/measure.ts';
import { rehearse, type ScreenResult, waitStill } from './rehearsal/rehearse.ts';
import { rehearsalScreens, type Screen } from './rehearsal/screens.ts';

// A rehearsal (issue 17): every step of every flow in diagrams/ and every
// slide of every deck, in presenter mode, on a 4:3 projector and a wide
// screen, as a teacher steps through them. Each screen must show its active
// and failed nodes whole and uncovered (or, where the camera could not show
// them all at a readable size, wholly out of frame with the overview inset
// up), the titles of the groups around them uncut, and their labels large
// enough to read from the back of a room.
// `npm run bench:legibility` prints the same figures.

const screens = rehearsalScreens();
const PROJECTOR = { width: 1024, height: 768 };
const WIDE = { width: 1920, height: 1080 };
const base = () => inject('baseUrl');

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
const started = () => {
  if (!browser) throw new Error('Chromium did not start');
  return browser;
};

const whole = (s: SizeSummary) => [...s.notWhole, ...s.covered];

describe.each([PROJECTOR, WIDE])('a rehearsal at $width×$height', (size) => {
  let results: ScreenResult[] = [];
  let summary: SizeSummary;
  beforeAll(async () => {
    results = await rehearse(started(), base(), size, screens);
    summary = summarise(size, results);
  }, 240_000);

  it('lights something on every screen whose step names what to light', () => {
    const dark = results.filter((r) => r.screen.lights > 0 && r.figures.subjects.length === 0);
    expect(dark.map((r) => r.screen.name)).toEqual([]);
  });

  it('shows every active and failed node wholly inside the canvas, under no chrome, or in the inset', () => {
    const problems = whole(summary);
    expect(
      listProblems(problems),
      `${problems.length} of ${summary.subjects} active or failed nodes, over ${summary.screens} screens`,
    ).toBe('');
  });

  it('cuts no title of a group around them', () => {
    expect(
      listProblems(summary.cutTitles),
      `${summary.cutTitles.length} cut titles over ${summary.screens} screens`,
    ).toBe('');
  });

  if (size === PROJECTOR) {
    it(`draws their labels at a median ≥ ${TARGETS.projectorMedianPx} px, ≥ ${TARGETS.projectorFloorPx} px on ${TARGETS.projectorShare * 100}% of screens`, () => {
      const under = screensUnder(summary, TARGETS.projectorFloorPx);
      const figures =
        `median ${summary.medianPx} px, ${summary.atLeast12} of ${summary.labelled} screens ≥ ` +
        `${TARGETS.projectorFloorPx} px; under it:\n  ${under.join('\n  ')}`;
      expect(summary.medianPx ?? 0, figures).toBeGreaterThanOrEqual(TARGETS.projectorMedianPx);
      expect(summary.share12 ?? 0, figures).toBeGreaterThanOrEqual(TARGETS.projectorShare);
    });
  } else {
    it(`draws every active label at ≥ ${TARGETS.wideFloorPx} px (a group's title at ≥ ${TARGETS.wideTitleFloorPx})`, () => {
      expect(
        labelsUnder(results, TARGETS.wideFloorPx, TARGETS.wideTitleFloorPx),
        `active labels under ${TARGETS.wideFloorPx} px (group titles under ${TARGETS.wideTitleFloorPx})`,
      ).toEqual([]);
    });
  }
});

describe('the rehearsal’s measurement', () => {
  it('sees a node under an overlay, a node out of the canvas and a cut title', async () => {
    // Any screen with a labelled subject in a titled group will do: the first.
    const context = await started().newContext({
      viewport: PROJECTOR,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    try {
      const page = await context.newPage();
      // The first flow's first screen with a node shown whole in a group whose title is whole.
      const firsts = screens.filter((s) => s.key === null && s.hash.startsWith('#/d/'));
      let found: { screen: Screen; before: ScreenFigures } | undefined;
      for (const screen of firsts) {
        if (found) break;
        if (screen === firsts[0]) {
          await page.goto(`${base()}${screen.hash}`);
          await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
          await page.keyboard.press('p');
        } else {
          await page.evaluate((hash) => {
            window.location.hash = hash;
          }, screen.hash);
        }
        await waitStill(page, screen);
        const before = await measureScreen(page);
        const shown = before.subjects.some((s) => s.whole && !s.coveredBy);
        if (shown && before.titles.some((t) => t.status === 'whole')) found = { screen, before };
      }
      if (!found) throw new Error('no flow in diagrams/ starts on a node in a titled group');
      const { before } = found;
      const subject = before.subjects.find((s) => s.whole && !s.coveredBy) as SubjectFigure;
      const title = before.titles.find((t) => t.status === 'whole') as TitleFigure;

      // An overlay that lets the pointer through still covers.
      await page.evaluate((box) => {
        const cover = document.createElement('div');
        cover.className = 'fd-test-cover';
        Object.assign(cover.style, {
          position: 'fixed',
          left: `${box.x + box.width / 2}px`,
          top: `${box.y}px`,
          width: '20px',
          height: '20px',
          background: 'red',
          pointerEvents: 'none',
          zIndex: '50',
        });
        document.body.append(cover);
      }, subject.box);
      const covered = await measureScreen(page);
      expect(covered.subjects.find((s) => s.id === subject.id)?.coveredBy).toBe(
        'div.fd-test-cover',
      );
      await page.evaluate(() => document.querySelector('.fd-test-cover')?.remove());

      // The camera moved so the subject's middle, then a title's, sits on the canvas's left edge.
      const shift = (dx: number) =>
        page.evaluate((by) => {
          const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
          if (!viewport) throw new Error('no viewport');
          const m = new DOMMatrix(getComputedStyle(viewport).transform);
          viewport.style.transform = `translate(${m.e + by}px,${m.f}px) scale(${m.a})`;
        }, dx);
      await shift(before.canvas.x - (subject.box.x + subject.box.width / 2));
      const out = await measureScreen(page);
      expect(out.subjects.find((s) => s.id === subject.id)?.whole).toBe(false);
      const moved = out.titles.find((t) => t.group === title.group) as TitleFigure;
      await shift(before.canvas.x - (moved.box.x + moved.box.width / 2));
      const cut = await measureScreen(page);
      expect(cut.titles.find((t) => t.group === title.group)?.status).toBe('cut');
    } finally {
      await context.close();
    }
  });
});
