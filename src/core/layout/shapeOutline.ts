import type { Shape } from '../model/types.ts';
import type { Box, Point } from './types.ts';

/** How far a hexagon's or parallelogram's slanted sides lean in, for a shape this tall. */
export function slant(shape: Shape, height: number): number {
  if (shape === 'hexagon') return height / 4;
  if (shape === 'asymmetric') return height / 3;
  return height * 0.3;
}

/**
 * The outline of a shape in a box as a closed polygon (curves as many short
 * sides). Edges end on this outline, so renderers must draw the same outline.
 * Shapes whose outline is their box (rect, cylinder, document…) return the box.
 */
export function shapeOutline(shape: Shape, box: Box): Point[] {
  const { x, y, width: w, height: h } = box;
  switch (shape) {
    case 'diamond':
      return [
        { x: x + w / 2, y },
        { x: x + w, y: y + h / 2 },
        { x: x + w / 2, y: y + h },
        { x, y: y + h / 2 },
      ];
    case 'hexagon': {
      const s = slant(shape, h);
      return [
        { x: x + s, y },
        { x: x + w - s, y },
        { x: x + w, y: y + h / 2 },
        { x: x + w - s, y: y + h },
        { x: x + s, y: y + h },
        { x, y: y + h / 2 },
      ];
    }
    case 'parallelogram':
    case 'parallelogram-alt':
    case 'trapezoid':
    case 'trapezoid-alt': {
      const s = slant(shape, h);
      const topIn = shape === 'parallelogram' || shape === 'trapezoid' ? s : 0;
      const topOut = shape === 'parallelogram-alt' || shape === 'trapezoid' ? s : 0;
      const bottomIn = shape === 'parallelogram-alt' || shape === 'trapezoid-alt' ? s : 0;
      const bottomOut = shape === 'parallelogram' || shape === 'trapezoid-alt' ? s : 0;
      return [
        { x: x + topIn, y },
        { x: x + w - topOut, y },
        { x: x + w - bottomOut, y: y + h },
        { x: x + bottomIn, y: y + h },
      ];
    }
    case 'circle':
    case 'doublecircle':
      return ellipse(x + w / 2, y + h / 2, w / 2, h / 2);
    case 'stadium': {
      const r = h / 2;
      const right = arc(x + w - r, y + r, r, -Math.PI / 2, Math.PI / 2);
      const left = arc(x + r, y + r, r, Math.PI / 2, (3 * Math.PI) / 2);
      return [...right, ...left];
    }
    case 'asymmetric': {
      const s = slant(shape, h);
      return [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
        { x: x + s, y: y + h / 2 },
      ];
    }
    default:
      return [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
      ];
  }
}

const SIDES = 48;

function ellipse(cx: number, cy: number, rx: number, ry: number): Point[] {
  return Array.from({ length: SIDES }, (_, i) => {
    const a = (2 * Math.PI * i) / SIDES;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

function arc(cx: number, cy: number, r: number, from: number, to: number): Point[] {
  const n = SIDES / 2;
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = from + ((to - from) * i) / n;
    return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
  });
}
