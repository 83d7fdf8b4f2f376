import type { Page } from 'playwright-core';

/** A piece of text and its contrast with what it is drawn on, as measured. */
export interface Measured {
  where: string;
  /** The owner's `data-state` (a flow's `dimmed`, `active`…), if it has one. */
  state?: string;
  /** The node a label belongs to, if it is a node's (or a group's). */
  node?: string;
  text: string;
  ratio: number;
  ink: string;
  bg: string;
}

type Rgba = [number, number, number, number];

/** Colour arithmetic for code run in the page (which cannot import): `window.fdColour`. */
export interface ColourMath {
  /** Any CSS colour (rgb, oklab, color-mix results…) as sRGB bytes and alpha. */
  rgba: (css: string) => Rgba;
  /** `top` composited over `bottom`. */
  over: (top: Rgba, bottom: Rgba) => Rgba;
  /** WCAG's contrast ratio of two opaque colours. */
  ratio: (a: Rgba, b: Rgba) => number;
  css: (c: Rgba) => string;
}

/** Puts `ColourMath` on the page's window (again after a navigation). */
export function installColourMath(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!pixel) throw new Error('no 2d canvas');
    /** Any CSS colour (rgb, oklab, color-mix results…) as sRGB bytes and alpha. */
    const rgba = (css: string): Rgba => {
      pixel.clearRect(0, 0, 1, 1);
      pixel.fillStyle = '#000';
      pixel.fillStyle = css;
      pixel.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;
    (window as unknown as { fdColour: unknown }).fdColour = { rgba, over, ratio, css };
  });
}

/**
 * The contrast of text with what lies behind it, from computed colours.
 * axe cannot tell what is behind SVG text or text over a sibling layer (it
 * reports such text "incomplete"), so this measures it:
 *
 * - `labels`: each drawn diagram label on its node's shape, its group's box,
 *   its edge label's backing, or the canvas;
 * - `chrome`: every visible piece of HTML text outside the diagram (flow bar
 *   caption, step counter, buttons, menus…), on the stack of boxes under its
 *   centre (`elementsFromPoint`), with its own and its parents' opacity.
 */
export async function measureContrast(page: Page, kind: 'labels' | 'chrome'): Promise<Measured[]> {
  await installColourMath(page);
  return page.evaluate((mode) => {
    type Rgba = [number, number, number, number];
    const { rgba, over, ratio, css } = (window as unknown as { fdColour: ColourMath }).fdColour;
    const fillOf = (el: Element) => rgba(getComputedStyle(el).fill);
    const page = over(
      rgba(getComputedStyle(document.body).backgroundColor),
      over(rgba(getComputedStyle(document.documentElement).backgroundColor), [255, 255, 255, 1]),
    );
    const results: Measured[] = [];
    const record = (el: Element, ink: Rgba, bg: Rgba) => {
      const owner = el.closest('[data-node-id], [data-edge-id], [class]');
      const where =
        owner?.getAttribute('data-node-id') ??
        owner?.getAttribute('data-edge-id') ??
        `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]}`;
      const state = el.closest('[data-state]')?.getAttribute('data-state');
      const node = el.closest('[data-node-id]')?.getAttribute('data-node-id');
      results.push({
        where,
        ...(state ? { state } : {}),
        ...(node ? { node } : {}),
        text: (el.textContent ?? '').trim().slice(0, 40),
        ratio: Math.round(ratio(ink, bg) * 100) / 100,
        ink: css(ink),
        bg: css(bg),
      });
    };

    if (mode === 'labels') {
      const flow = document.querySelector('.react-flow');
      if (!flow) throw new Error('no React Flow canvas');
      const canvasColour = over(rgba(getComputedStyle(flow).backgroundColor), page);
      const groups = [...document.querySelectorAll('.fd-group .fd-group-box')].map((box) => {
        const r = box.getBoundingClientRect();
        return { box, r, area: r.width * r.height };
      });
      /** The colour behind a point: the smallest group box holding it, else the canvas. */
      const behind = (x: number, y: number, except?: Element): Rgba => {
        const holder = groups
          .filter(
            (g) =>
              g.box !== except &&
              g.r.left <= x &&
              x <= g.r.right &&
              g.r.top <= y &&
              y <= g.r.bottom,
          )
          .sort((a, b) => a.area - b.area)[0];
        return holder ? over(fillOf(holder.box), canvasColour) : canvasColour;
      };
      for (const text of document.querySelectorAll(
        '.fd-node-label, .fd-group-label, .fd-edge-label text',
      )) {
        const r = text.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        let backing: Element | null = null;
        if (text.classList.contains('fd-group-label')) {
          backing = text.closest('.fd-group')?.querySelector('.fd-group-box') ?? null;
        } else if (text.classList.contains('fd-node-label')) {
          const shape = text.closest('.fd-node')?.querySelector('.fd-node-shape');
          backing = shape?.getAttribute('d') ? shape : null;
        } else {
          backing = text.parentElement?.querySelector('rect') ?? null;
        }
        const under = behind(x, y, backing ?? undefined);
        const drawn = backing ? over(fillOf(backing), under) : under;
        const ink = over(fillOf(text), drawn);
        // A faded element (a flow's dimmed step) is composited as a whole over what is under it.
        let opacity = 1;
        for (
          let e: Element | null = text;
          e && !e.classList.contains('react-flow');
          e = e.parentElement
        ) {
          opacity *= Number(getComputedStyle(e).opacity);
        }
        const fade = (c: Rgba): Rgba => over([c[0], c[1], c[2], opacity], under);
        record(text, fade(ink), fade(drawn));
      }
      return results;
    }

    // Chrome: HTML text outside the diagram's own drawing.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('.react-flow__viewport, svg, .cm-content, [aria-hidden="true"], option')) {
        continue;
      }
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const stack = document.elementsFromPoint(x, y);
      // Covered by something else (a dialog, the presenter's blank): not seen.
      const at = stack.findIndex((e) => e === el || el.contains(e));
      if (at < 0) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
      }
      if (opacity < 0.05) continue;
      // What is behind, top down until something opaque.
      const layers: Rgba[] = [];
      for (const e of stack.slice(at)) {
        const s = getComputedStyle(e);
        const colour = e instanceof SVGElement ? rgba(s.fill) : rgba(s.backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      const bg = layers.reduceRight<Rgba>((under, top) => over(top, under), page);
      const ink = rgba(style.color);
      record(el, over([ink[0], ink[1], ink[2], ink[3] * opacity], bg), bg);
    }
    return results;
  }, kind);
}

/** The lowest of some measurements (for the log), or none. */
export function lowest(measured: readonly Measured[]): Measured | undefined {
  return [...measured].sort((a, b) => a.ratio - b.ratio)[0];
}

export const describeMeasured = (m: Measured) =>
  `${m.where} “${m.text}”: ${m.ratio.toFixed(2)}:1, ink ${m.ink} on ${m.bg}`;
