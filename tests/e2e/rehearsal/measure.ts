import type { Page } from 'playwright-core';

// What a presenter-mode screen shows, read from the DOM in one evaluate: the
// step's subjects against the visible canvas and the chrome, the titles of
// the groups around them, and how big their labels are drawn.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An active or failed node of the step (`data-state` on its `[data-node-id]` element). */
export interface SubjectFigure {
  id: string;
  state: 'active' | 'failed';
  /** A group (its box may be larger than anything readable on the screen). */
  group: boolean;
  /** Its box on screen (the React Flow node's element), CSS px. */
  box: Rect;
  /** Wholly inside the visible canvas. */
  whole: boolean;
  /** Wholly outside it: not in frame at all (allowed only while the overview inset shows it). */
  off: boolean;
  /** What is drawn over it at one of its sample points, outside the diagram (`tag.class`); null when nothing. */
  coveredBy: string | null;
  /** Its label as drawn: font px × the viewport's zoom; null for a node without a label. */
  labelPx: number | null;
}

/** The title of a group around the step's subjects (one that holds one, or is one). */
export interface TitleFigure {
  group: string;
  title: string;
  /** The title's text box on screen. */
  box: Rect;
  /**
   * `whole`: inside the visible canvas and uncovered; `cut`: partly outside
   * it; `covered`: inside but under something outside the diagram; `off`:
   * wholly outside (not seen at all).
   */
  status: 'whole' | 'cut' | 'covered' | 'off';
  coveredBy: string | null;
}

export interface ScreenFigures {
  /** The canvas's box, cut to the window. */
  canvas: Rect;
  /** React Flow's viewport scale. */
  zoom: number;
  /**
   * The overview inset is up (`data-overview` on the canvas, the minimap
   * drawn): the camera left subjects it could not show at a readable size
   * out of frame, and the inset shows where they are.
   */
  overview: boolean;
  subjects: SubjectFigure[];
  titles: TitleFigure[];
  /** The smallest active edge label, font px × zoom; null without one. */
  edgeLabelPx: number | null;
}

/**
 * Chrome that is not part of any screen at rest, skipped when looking for
 * what covers a node: the "Esc leaves" hint presenter mode shows for 3.5 s
 * each time a diagram view opens in it.
 */
export const TRANSIENT = ['.fd-present-hint'];

/**
 * The in-page measurement. Runs inside the page (passed to `page.evaluate`),
 * so it uses nothing from outside its body.
 *
 * Covered: each subject is sampled on a 5×3 grid, each title along its
 * middle; at each point, `elementsFromPoint` lists what is drawn there, top
 * first. Something inside `.react-flow__viewport` first is the diagram
 * itself (a node, an edge, a label): uncovered. Anything else first that is
 * visible (not opacity 0, not a `TRANSIENT`) covers it: the header, the
 * caption band, the controls, the Export button, an inset. For the hit test
 * every element takes pointer events (a style added for the measurement and
 * removed), so an overlay that lets clicks through still counts.
 */
export function measureInPage(transient: readonly string[]): ScreenFigures {
  const canvasElement = document.querySelector<HTMLElement>('.fd-canvas');
  const viewport = canvasElement?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!canvasElement || !viewport) throw new Error('no canvas on the page');
  const c = canvasElement.getBoundingClientRect();
  const left = Math.max(c.left, 0);
  const top = Math.max(c.top, 0);
  const right = Math.min(c.right, window.innerWidth);
  const bottom = Math.min(c.bottom, window.innerHeight);
  const canvas = { x: left, y: top, width: right - left, height: bottom - top };
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  const EPS = 0.5;

  const rectOf = (element: Element): Rect => {
    const r = element.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const inside = (r: Rect) =>
    r.x >= left - EPS &&
    r.y >= top - EPS &&
    r.x + r.width <= right + EPS &&
    r.y + r.height <= bottom + EPS;
  const meets = (r: Rect) =>
    r.x < right && r.y < bottom && r.x + r.width > left && r.y + r.height > top;
  const holds = (outer: Rect, inner: Rect) =>
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1;
  const round = (v: number) => Math.round(v * 100) / 100;
  const labelPx = (text: Element | null): number | null => {
    if (!text || !(text.textContent ?? '').trim()) return null;
    return round(Number.parseFloat(getComputedStyle(text).fontSize) * zoom);
  };

  const seen = (element: Element): boolean => {
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.opacity === '0' || style.visibility === 'hidden') return false;
    }
    return true;
  };
  /** The overlay as a whole: the outermost ancestor that does not hold the diagram. */
  const nameOf = (element: Element): string => {
    let top: Element = element;
    while (top.parentElement && !top.parentElement.contains(viewport)) top = top.parentElement;
    const classes = (top.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    return [top.tagName.toLowerCase(), ...classes.slice(0, 2)].join('.');
  };
  const coverAt = (x: number, y: number): string | null => {
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return null;
    for (const element of document.elementsFromPoint(x, y)) {
      if (viewport.contains(element) || element.contains(viewport)) return null;
      if (transient.some((selector) => element.closest(selector))) continue;
      if (!seen(element)) continue;
      return nameOf(element);
    }
    return null;
  };
  const coverOf = (points: { x: number; y: number }[]): string | null => {
    for (const p of points) {
      const cover = coverAt(p.x, p.y);
      if (cover) return cover;
    }
    return null;
  };
  const grid = (r: Rect, columns: number, rows: number) => {
    const inset = (size: number) => Math.min(3, size / 4);
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < columns; i++) {
      for (let j = 0; j < rows; j++) {
        const x = r.x + inset(r.width) + ((r.width - 2 * inset(r.width)) * i) / (columns - 1);
        const y =
          rows === 1
            ? r.y + r.height / 2
            : r.y + inset(r.height) + ((r.height - 2 * inset(r.height)) * j) / (rows - 1);
        points.push({ x, y });
      }
    }
    return points;
  };

  const probe = document.createElement('style');
  probe.textContent = '* { pointer-events: auto !important; }';
  document.head.append(probe);
  try {
    const nodes = [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].flatMap(
      (wrapper) => {
        const element = wrapper.querySelector<HTMLElement>('[data-node-id]');
        if (!element) return [];
        return [
          {
            id: element.dataset.nodeId ?? '',
            state: element.dataset.state ?? 'idle',
            group: element.classList.contains('fd-group'),
            element,
            box: rectOf(wrapper),
          },
        ];
      },
    );
    const subjectNodes = nodes.filter((n) => n.state === 'active' || n.state === 'failed');
    const subjects: SubjectFigure[] = subjectNodes.map((n) => ({
      id: n.id,
      state: n.state as 'active' | 'failed',
      group: n.group,
      box: n.box,
      whole: inside(n.box),
      off: !meets(n.box),
      coveredBy: coverOf(grid(n.box, 5, 3)),
      labelPx: labelPx(n.element.querySelector(':scope > svg > text')),
    }));

    const titles: TitleFigure[] = [];
    for (const g of nodes) {
      if (!g.group || g.state === 'hidden') continue;
      const around = subjectNodes.some((s) => s === g || (s !== g && holds(g.box, s.box)));
      if (!around) continue;
      const text = g.element.querySelector(':scope > svg > .fd-group-label');
      const title = (text?.textContent ?? '').trim();
      if (!text || !title) continue;
      const box = rectOf(text);
      const coveredBy = meets(box) ? coverOf(grid(box, 7, 1)) : null;
      const status = !meets(box) ? 'off' : !inside(box) ? 'cut' : coveredBy ? 'covered' : 'whole';
      titles.push({ group: g.id, title, box, status, coveredBy });
    }

    const edgeLabels = [
      ...viewport.querySelectorAll('[data-edge-id][data-state="active"] .fd-edge-label text'),
    ].flatMap((text) => {
      const px = labelPx(text);
      return px === null ? [] : [px];
    });
    const minimap = document.querySelector('.react-flow__minimap');
    return {
      canvas,
      zoom: round(zoom),
      overview:
        document.querySelector('[data-overview]') !== null && minimap !== null && seen(minimap),
      subjects,
      titles,
      edgeLabelPx: edgeLabels.length ? Math.min(...edgeLabels) : null,
    };
  } finally {
    probe.remove();
  }
}

/**
 * Lets functions from a .ts file run by tsx be passed to `page.evaluate`:
 * tsx (esbuild's keepNames) wraps named functions in a `__name` helper the
 * page does not have. Call once per page load.
 */
export async function allowTsxFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn;');
}

/** The current screen's figures (see `measureInPage`). */
export function measureScreen(page: Page): Promise<ScreenFigures> {
  return page.evaluate(measureInPage, TRANSIENT);
}
