import { lidHeight, PERSON_FIGURE_HEIGHT } from '../layout/nodeSize.ts';
import { shapeOutline } from '../layout/shapeOutline.ts';
import type { Box, Point } from '../layout/types.ts';
import type { Shape } from '../model/types.ts';

/** SVG path data for one shape: `outline` is filled and stroked, `detail` is stroked only. */
export interface ShapePaths {
  outline: string;
  detail?: string;
}

/**
 * How every renderer (React Flow nodes, the SVG writer) draws a shape in a
 * box. Polygonal shapes come from the same outline edges are clipped to.
 *
 * @example shapePaths('diamond', { x: 0, y: 0, width: 100, height: 60 }).outline
 */
export function shapePaths(shape: Shape, box: Box): ShapePaths {
  const { x, y, width: w, height: h } = box;
  switch (shape) {
    case 'rounded':
      return { outline: roundedRect(x, y, w, h, 10) };
    case 'stadium':
      return { outline: roundedRect(x, y, w, h, h / 2) };
    case 'subroutine':
      return {
        outline: roundedRect(x, y, w, h, 2),
        detail: `M${n(x + 8)} ${n(y)}V${n(y + h)}M${n(x + w - 8)} ${n(y)}V${n(y + h)}`,
      };
    case 'cylinder': {
      const ry = lidHeight(w) / 2;
      const rx = w / 2;
      return {
        outline: `M${n(x)} ${n(y + ry)}A${n(rx)} ${n(ry)} 0 0 1 ${n(x + w)} ${n(y + ry)}V${n(y + h - ry)}A${n(rx)} ${n(ry)} 0 0 1 ${n(x)} ${n(y + h - ry)}Z`,
        detail: `M${n(x)} ${n(y + ry)}A${n(rx)} ${n(ry)} 0 0 0 ${n(x + w)} ${n(y + ry)}`,
      };
    }
    case 'circle':
      return { outline: ellipse(x + w / 2, y + h / 2, w / 2, h / 2) };
    case 'doublecircle':
      return {
        outline: ellipse(x + w / 2, y + h / 2, w / 2, h / 2),
        detail: ellipse(x + w / 2, y + h / 2, w / 2 - 5, h / 2 - 5),
      };
    case 'document': {
      const wave = 8;
      return {
        outline: `M${n(x)} ${n(y)}H${n(x + w)}V${n(y + h - wave)}C${n(x + w * 0.75)} ${n(y + h - 2.5 * wave)} ${n(x + w * 0.25)} ${n(y + h + 0.5 * wave)} ${n(x)} ${n(y + h - wave)}Z`,
      };
    }
    case 'person': {
      const cx = x + w / 2;
      const top = y + 6;
      const head = 8;
      const body = PERSON_FIGURE_HEIGHT - 2 * head - 6;
      return {
        outline: roundedRect(x, y, w, h, 10),
        detail: `${ellipse(cx, top + head, head, head)}M${n(cx - 14)} ${n(top + 2 * head + body)}C${n(cx - 14)} ${n(top + 2 * head + 2)} ${n(cx + 14)} ${n(top + 2 * head + 2)} ${n(cx + 14)} ${n(top + 2 * head + body)}`,
      };
    }
    case 'text':
      return { outline: '' };
    default:
      return { outline: polygon(shapeOutline(shape, box)) };
  }
}

function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function polygon(points: Point[]): string {
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join('')}Z`;
}

function roundedRect(x: number, y: number, w: number, h: number, radius: number): string {
  const r = Math.min(radius, w / 2, h / 2);
  return `M${n(x + r)} ${n(y)}H${n(x + w - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w)} ${n(y + r)}V${n(y + h - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w - r)} ${n(y + h)}H${n(x + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)}V${n(y + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)}Z`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${n(cx - rx)} ${n(cy)}A${n(rx)} ${n(ry)} 0 1 0 ${n(cx + rx)} ${n(cy)}A${n(rx)} ${n(ry)} 0 1 0 ${n(cx - rx)} ${n(cy)}Z`;
}
