import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { THEMES } from './axe.ts';
import { freshPagePerTest } from './chromium.ts';
import { type ColourMath, installColourMath } from './contrast.ts';
import { settle } from './diagramFiles.ts';

/**
 * Keyboard users see where they are: Tab through each main view and every
 * element that takes focus shows an indicator (an outline or a box-shadow
 * ring of some width, at least 3:1 against what is around it, WCAG 1.4.11)
 * and has a name a screen reader can say.
 */

const baseUrl = inject('baseUrl');
const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

/** Presses enough to leave the header and the bars, not to walk every node of a diagram. */
const MAX_TABS = 40;

interface Focused {
  tag: string;
  what: string;
  indicator: string | null;
  ratio: number;
}

/** The focused element, its focus ring (if any) and the ring's contrast with what is behind it. */
async function focused(target: Page): Promise<Focused | null> {
  await installColourMath(target);
  return target.evaluate(() => {
    type Rgba = [number, number, number, number];
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const { rgba, over, ratio } = (window as unknown as { fdColour: ColourMath }).fdColour;
    // What the ring is drawn on: the first opaque background outside the element.
    const layers: Rgba[] = [];
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    const bg = layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    let indicator: string | null = null;
    let contrast = 0;
    // The ring may be the element's, or a wrapper's that shows focus within
    // (CodeMirror rings its editor, not the text it focuses): the nearest one.
    for (let e: Element | null = el, up = 0; e && up < 3 && !indicator; e = e.parentElement, up++) {
      const style = getComputedStyle(e);
      if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) {
        indicator = `outline ${style.outlineWidth} ${style.outlineColor}`;
        contrast = ratio(over(rgba(style.outlineColor), bg), bg);
      }
      // A ring drawn as a shadow (`rgb(…) 0px 0px 0px 3px`): a spread, not a soft drop shadow.
      for (const shadow of style.boxShadow === 'none'
        ? []
        : style.boxShadow.split(/,(?![^(]*\))/)) {
        const colour = /^\s*(\w+\([^)]*\))/.exec(shadow)?.[1];
        const spread = [...shadow.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1]))[3] ?? 0;
        if (!colour || spread <= 0) continue;
        const c = ratio(over(rgba(colour), bg), bg);
        if (c > contrast) {
          indicator = `box-shadow ${shadow.trim()}`;
          contrast = c;
        }
      }
    }
    const id = el.id ? `#${el.id}` : '';
    const cls = el.getAttribute('class')?.split(' ')[0];
    return {
      tag: el.tagName.toLowerCase(),
      what: `${el.tagName.toLowerCase()}${id}${cls ? `.${cls}` : ''} “${(el.textContent ?? '').trim().slice(0, 30)}”`,
      indicator,
      ratio: Math.round(contrast * 100) / 100,
    };
  });
}

/**
 * The focused element's accessible name, as the accessibility tree has it
 * (Playwright's ARIA snapshot: `- button "Next step"`, YAML-quoted when the
 * name has quotes or colons). A `<summary>` has no ARIA role for it, so
 * the snapshot shows only its text, which is what a screen reader says.
 */
async function accessibleName(target: Page): Promise<string> {
  const focus = target.locator('*:focus').first();
  let line = (await focus.ariaSnapshot()).split('\n')[0]?.replace(/^- /, '') ?? '';
  if (line.startsWith("'")) line = line.slice(1, line.lastIndexOf("'")).replaceAll("''", "'");
  const named = /^[\w-]+ "((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
  if (named) return named;
  const summary = await focus.evaluate((el) => el.tagName === 'SUMMARY');
  return summary ? (/^text: (.*)$/.exec(line)?.[1] ?? '') : '';
}

/**
 * Tabs through a view (backwards from the end with `Shift+Tab`, to reach the
 * flow bar before the diagram's nodes) and lists every element whose focus
 * is hard to see or has no name.
 */
async function tabThrough(
  target: Page,
  key: 'Tab' | 'Shift+Tab',
): Promise<{ problems: string[]; visited: number }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  let visited = 0;
  for (let i = 0; i < MAX_TABS; i++) {
    await target.keyboard.press(key);
    // Some rings come a frame later (CodeMirror marks its editor focused on its next update).
    await target.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const f = await focused(target);
    if (!f) continue;
    const stop = `${f.what}@${await target.evaluate(() => {
      const r = document.activeElement?.getBoundingClientRect();
      return r ? `${Math.round(r.x)},${Math.round(r.y)}` : '';
    })}`;
    if (seen.has(stop)) break; // round the page once
    seen.add(stop);
    visited++;
    if (!f.indicator || f.ratio < 3) {
      problems.push(`${f.what}: focus ${f.indicator ?? 'not shown'} (${f.ratio}:1)`);
    }
    if (!(await accessibleName(target))) problems.push(`${f.what}: no accessible name`);
  }
  return { problems, visited };
}

const VIEWS = [
  { name: 'gallery', hash: '#/', ready: 'a[href^="#/d/"]' },
  { name: 'diagram', hash: '#/d/cluster-layout', ready: '.fd-canvas .react-flow__node' },
  { name: 'flow bar', hash: '#/d/kubectl-apply/apply/3', ready: '.fd-caption', key: 'Shift+Tab' },
  { name: 'editor', hash: '#/new', ready: '.fd-editor .cm-content' },
] as const;

describe('every control shows where focus is and has a name', () => {
  for (const theme of THEMES) {
    for (const view of VIEWS) {
      it(`${view.name} in the ${theme} theme`, async () => {
        await page
          .context()
          .addInitScript((value) => localStorage.setItem('flowdeck.theme', value), theme);
        await page.goto(`${baseUrl}${view.hash}`);
        await page.waitForSelector(view.ready, { timeout: 30_000 });
        await settle(page);
        const { problems, visited } = await tabThrough(page, 'key' in view ? view.key : 'Tab');
        console.log(`focus ${view.name}/${theme}: ${visited} stops, ${problems.length} problems`);
        expect(visited).toBeGreaterThan(3);
        expect(problems.join('\n')).toBe('');
      });
    }
  }
});
