import type { Rect, ScreenFigures, SubjectFigure } from './measure.ts';
import type { ScreenResult, ScreenSize } from './rehearse.ts';

// A rehearsal's figures, summed up per screen size: what the rehearsal test
// asserts and `npm run bench:legibility` prints.

/** Issue 17's targets. */
export const TARGETS = {
  /** At 1024×768: the median over screens of the smallest active label, px. */
  projectorMedianPx: 16,
  /** At 1024×768: the smallest active label of at least this share of screens … */
  projectorShare: 0.95,
  /** … is at least this many px. */
  projectorFloorPx: 12,
  /** At 1920×1080: every screen's smallest active label, px. */
  wideFloorPx: 16,
  /**
   * … where the active node is a group, its title: set 2 px smaller than a
   * node's label (14 px against 16), it is held to its own size, never shrunk.
   */
  wideTitleFloorPx: 14,
} as const;

/** One thing wrong on one screen, said so a person can find it. */
export interface Problem {
  screen: string;
  what: string;
}

export interface ScreenLine {
  screen: string;
  /** Smallest active label, px (font px × zoom); null on a screen with no labelled subject. */
  smallestPx: number | null;
  zoom: number;
  problems: string[];
}

export interface SizeSummary {
  size: string;
  screens: number;
  /** Active and failed nodes over all screens. */
  subjects: number;
  /** Screens with a labelled active or failed node: the ones the label figures count. */
  labelled: number;
  /** Median over labelled screens of each screen's smallest active label, px. */
  medianPx: number | null;
  /** The smallest active label of any screen, px. */
  smallestPx: number | null;
  /** Labelled screens whose smallest label is ≥ 12 px, and their share. */
  atLeast12: number;
  share12: number | null;
  /** Labelled screens whose smallest label is under 11.5 px (the count). */
  under11_5: number;
  /** Smallest active edge label over all screens, and the median of each screen's smallest, px. */
  edgeLabels: { medianPx: number | null; smallestPx: number | null };
  /** Active or failed nodes not wholly inside the visible canvas. */
  notWhole: Problem[];
  /** Active or failed nodes with chrome drawn over them. */
  covered: Problem[];
  /** Titles of groups around the step's subjects that are partly out of the canvas, or covered. */
  cutTitles: Problem[];
  /** Titles of groups around the step's subjects wholly out of frame (counted, not a target). */
  titlesOff: Problem[];
  /** Subjects out of frame while the overview inset shows them (not problems; counted). */
  inset: Problem[];
  /** Every screen, worst first: smallest label, then most problems. */
  lines: ScreenLine[];
}

const px = (v: number) => `${v.toFixed(1)} px`;
const at = (r: Rect) =>
  `${Math.round(r.width)}×${Math.round(r.height)} at (${Math.round(r.x)}, ${Math.round(r.y)})`;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A subject the camera left to the overview inset: while the inset shows,
 * one wholly out of frame, or a group too big to read whole, partly in
 * frame under its own title, shown whole.
 */
export const inInset = (figures: ScreenFigures, s: SubjectFigure) =>
  figures.overview &&
  (s.off || (s.group && figures.titles.some((t) => t.group === s.id && t.status === 'whole')));

/**
 * The smallest label among a screen's active and failed nodes in frame, px;
 * null when none has one. Those left to the overview inset are counted apart.
 */
export function smallestLabel(figures: ScreenFigures): number | null {
  const sizes = figures.subjects.flatMap((s) =>
    s.labelPx === null || inInset(figures, s) ? [] : [s.labelPx],
  );
  return sizes.length ? Math.min(...sizes) : null;
}

export function summarise(size: ScreenSize, results: readonly ScreenResult[]): SizeSummary {
  const notWhole: Problem[] = [];
  const covered: Problem[] = [];
  const cutTitles: Problem[] = [];
  const titlesOff: Problem[] = [];
  const inset: Problem[] = [];
  const lines: ScreenLine[] = [];
  const smallest: number[] = [];
  const edges: number[] = [];
  for (const { screen, figures } of results) {
    const problems: string[] = [];
    const canvas = at(figures.canvas);
    for (const s of figures.subjects) {
      if (inInset(figures, s)) {
        inset.push({
          screen: screen.name,
          what: `${s.state} node "${s.id}" shown in the overview inset`,
        });
      } else if (!s.whole) {
        const what = `${s.state} node "${s.id}" ${at(s.box)} not wholly inside the canvas ${canvas}`;
        notWhole.push({ screen: screen.name, what });
        problems.push(what);
      }
      if (s.coveredBy) {
        const what = `${s.state} node "${s.id}" ${at(s.box)} under ${s.coveredBy}`;
        covered.push({ screen: screen.name, what });
        problems.push(what);
      }
    }
    for (const t of figures.titles) {
      const what = `title "${t.title}" of group "${t.group}" ${at(t.box)}`;
      if (t.status === 'cut' || t.status === 'covered') {
        const how =
          t.status === 'cut'
            ? `${what} cut by the canvas ${canvas}`
            : `${what} under ${t.coveredBy}`;
        cutTitles.push({ screen: screen.name, what: how });
        problems.push(how);
      } else if (t.status === 'off') {
        titlesOff.push({ screen: screen.name, what: `${what} out of frame` });
      }
    }
    const least = smallestLabel(figures);
    if (least !== null) smallest.push(least);
    if (figures.edgeLabelPx !== null) edges.push(figures.edgeLabelPx);
    lines.push({ screen: screen.name, smallestPx: least, zoom: figures.zoom, problems });
  }
  lines.sort(
    (a, b) =>
      (a.smallestPx ?? Number.POSITIVE_INFINITY) - (b.smallestPx ?? Number.POSITIVE_INFINITY) ||
      b.problems.length - a.problems.length,
  );
  const atLeast12 = smallest.filter((v) => v >= TARGETS.projectorFloorPx).length;
  return {
    size: `${size.width}×${size.height}`,
    screens: results.length,
    subjects: results.reduce((n, r) => n + r.figures.subjects.length, 0),
    labelled: smallest.length,
    medianPx: median(smallest),
    smallestPx: smallest.length ? Math.min(...smallest) : null,
    atLeast12,
    share12: smallest.length ? atLeast12 / smallest.length : null,
    under11_5: smallest.filter((v) => v < 11.5).length,
    edgeLabels: { medianPx: median(edges), smallestPx: edges.length ? Math.min(...edges) : null },
    notWhole,
    covered,
    cutTitles,
    titlesOff,
    inset,
    lines,
  };
}

/** Screens whose smallest active label is under `floor` px, smallest first, as "name 7.2 px". */
export function screensUnder(summary: SizeSummary, floor: number): string[] {
  return summary.lines
    .filter((l) => l.smallestPx !== null && l.smallestPx < floor)
    .sort((a, b) => (a.smallestPx as number) - (b.smallestPx as number))
    .map((l) => `${l.screen} ${px(l.smallestPx as number)}`);
}

/**
 * Active labels under their floor, as "screen: node 15.2 px": a node's
 * label under `nodeFloor`, a group's title under `titleFloor`. Those left
 * to the overview inset are not drawn in the frame, so not counted.
 */
export function labelsUnder(
  results: readonly ScreenResult[],
  nodeFloor: number,
  titleFloor: number,
): string[] {
  return results.flatMap(({ screen, figures }) =>
    figures.subjects
      .filter((s) => s.labelPx !== null && !inInset(figures, s))
      .filter((s) => (s.labelPx as number) < (s.group ? titleFloor : nodeFloor))
      .map(
        (s) => `${screen.name}: ${s.group ? 'group' : 'node'} "${s.id}" ${px(s.labelPx as number)}`,
      ),
  );
}

export const listProblems = (problems: readonly Problem[], indent = '  ') =>
  problems.map((p) => `${indent}${p.screen}: ${p.what}`).join('\n');

/** The figures of one size, as the bench prints them. */
export function formatSummary(s: SizeSummary, worst = 10): string {
  const opt = (v: number | null) => (v === null ? '–' : px(v));
  const share = s.share12 === null ? '–' : `${(s.share12 * 100).toFixed(0)}%`;
  const out = [
    `${s.size}: ${s.screens} screens, ${s.subjects} active or failed nodes`,
    `  smallest active label per screen: median ${opt(s.medianPx)}, smallest ${opt(s.smallestPx)}; ` +
      `≥ 12 px on ${s.atLeast12} of ${s.labelled} (${share}); under 11.5 px on ${s.under11_5}`,
    `  smallest active edge label per screen: median ${opt(s.edgeLabels.medianPx)}, smallest ${opt(s.edgeLabels.smallestPx)}`,
    `  nodes not wholly in the canvas: ${s.notWhole.length}; covered by chrome: ${s.covered.length}; ` +
      `cut group titles: ${s.cutTitles.length} (and ${s.titlesOff.length} out of frame)`,
    `  nodes left to the overview inset (out of frame, the inset up): ${s.inset.length} on ${new Set(s.inset.map((p) => p.screen)).size} screens`,
    `  worst ${Math.min(worst, s.lines.length)} screens by label:`,
  ];
  for (const line of s.lines.slice(0, worst)) {
    const n = line.problems.length;
    const more = n ? `, and ${n} problem${n > 1 ? 's' : ''} below` : '';
    out.push(
      `    ${line.screen}: smallest label ${opt(line.smallestPx)}, zoom ${line.zoom}${more}`,
    );
  }
  const problems = [...s.notWhole, ...s.covered, ...s.cutTitles];
  if (problems.length)
    out.push('  nodes not whole or covered, and cut titles:', listProblems(problems, '    '));
  return out.join('\n');
}
