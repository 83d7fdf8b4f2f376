import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { artifactPath } from './chromium.ts';
import { describeMeasured, lowest, measureContrast } from './contrast.ts';

/**
 * axe-core (the standard accessibility rules engine, run offline from
 * node_modules) on a page, with the contrast rule the theme promises:
 * WCAG AA (`color-contrast`, 4.5:1) everywhere, and in the contrast theme
 * AAA as well (`color-contrast-enhanced`, 7:1), which axe leaves off
 * unless asked.
 */

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
/** The contrast each theme promises for text: AA, and AAA for projectors. */
export const MIN_CONTRAST: Record<Theme, number> = { light: 4.5, dark: 4.5, contrast: 7 };

export async function runAxe(page: Page, theme: Theme): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const options: RunOptions = {
    resultTypes: ['violations'],
    rules: { 'color-contrast-enhanced': { enabled: theme === 'contrast' } },
  };
  return page.evaluate((runOptions) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    // What a flow's step dims is faded on purpose (--fd-dim-opacity), far
    // under any contrast bar; axe judges such SVG text only now and then.
    // Its contrast is measured and logged instead (a11y.test.ts, docs/contrast.md).
    return axe.run({ include: [document], exclude: ['[data-state="dimmed"]'] }, runOptions);
  }, options);
}

/**
 * Rules of page structure that fail too, though axe calls them moderate:
 * every view has them right, and a screen reader's user finds their way by them.
 */
const STRUCTURE = new Set([
  'landmark-one-main',
  'page-has-heading-one',
  'region',
  'heading-order',
  'landmark-complementary-is-top-level',
]);

/** What fails a test: serious and critical violations, and the page's structure. */
export const isSerious = (v: Result) =>
  v.impact === 'serious' || v.impact === 'critical' || STRUCTURE.has(v.id);

/** One violation as lines a person can act on: rule, help, and the first elements with why. */
export function describeViolation(v: Result): string {
  const where = v.nodes
    .slice(0, 8)
    .map(
      (n) =>
        `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    )
    .join('\n');
  const more = v.nodes.length > 8 ? `\n    …and ${v.nodes.length - 8} more` : '';
  return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${where}${more}`;
}

/** A one-line tally for the log: violations (elements) by impact. */
export function tally(violations: readonly Result[]): string {
  const count = (impact: string) =>
    violations.filter((v) => v.impact === impact).reduce((sum, v) => sum + v.nodes.length, 0);
  const rules = violations.map((v) => `${v.id}(${v.impact})`).join(', ');
  return `${violations.length} rules; elements critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}${rules ? `: ${rules}` : ''}`;
}

/**
 * What is wrong with a page as shown, for an assertion: axe's serious and
 * critical violations, and text under the theme's contrast. Logs the tally
 * and the lowest contrast found, and keeps a screenshot as `a11y-<name>.png`.
 */
export async function a11yProblems(page: Page, theme: Theme, name: string): Promise<string[]> {
  const { violations } = await runAxe(page, theme);
  await page.screenshot({ path: artifactPath(`a11y-${name}-${theme}.png`) });
  console.log(`a11y ${name}/${theme}: ${tally(violations)}`);
  const chrome = await measureContrast(page, 'chrome');
  const low = lowest(chrome);
  if (low) console.log(`a11y ${name}/${theme}: lowest text ${describeMeasured(low)}`);
  return [
    ...violations.filter(isSerious).map((v) => `${name}: ${describeViolation(v)}`),
    ...chrome
      .filter((m) => m.ratio < MIN_CONTRAST[theme])
      .map((m) => `${name}: text under ${MIN_CONTRAST[theme]}:1: ${describeMeasured(m)}`),
  ];
}
