import type { Shape } from '../model/types.ts';

/** Room between a label and its shape's outline, in px. */
export const LABEL_PADDING = { x: 16, y: 10 } as const;
export const MIN_NODE = { width: 72, height: 44 } as const;
/** Height of the stick figure drawn above a person's label. */
export const PERSON_FIGURE_HEIGHT = 40;

export interface NodeBox {
  width: number;
  height: number;
  /** Label's offset from the box's top-left. */
  labelX: number;
  labelY: number;
}

/**
 * The box a node of `shape` needs to hold a label of the given size, and
 * where the label sits inside it. Each shape reserves what its outline
 * takes (a diamond's corners, a cylinder's lids) so the text never touches it.
 */
export function nodeSize(shape: Shape, label: { width: number; height: number }): NodeBox {
  const px = LABEL_PADDING.x;
  const py = LABEL_PADDING.y;
  const lw = label.width;
  const lh = label.height;
  let width = Math.max(MIN_NODE.width, lw + 2 * px);
  let height = Math.max(MIN_NODE.height, lh + 2 * py);
  switch (shape) {
    case 'stadium':
      width += height / 2;
      break;
    case 'subroutine':
      width += 16;
      break;
    case 'cylinder': {
      // Room for the top lid's lower rim and the bottom lid.
      height += 2 * lidHeight(width);
      break;
    }
    case 'circle':
    case 'doublecircle': {
      const d =
        Math.max(MIN_NODE.height, Math.hypot(lw, lh) + 2 * py) +
        (shape === 'doublecircle' ? 10 : 0);
      width = d;
      height = d;
      break;
    }
    case 'diamond': {
      // The label's box must fit inside the rhombus: (w/2)/a + (h/2)/b <= 1.
      // Splitting 0.6/0.4 keeps wide labels from making huge diamonds.
      width = Math.max(MIN_NODE.width, (lw + 2 * px) / 0.6);
      height = Math.max(MIN_NODE.height, (lh + 2 * py) / 0.4);
      break;
    }
    case 'hexagon':
      width += height / 2;
      break;
    case 'parallelogram':
    case 'parallelogram-alt':
    case 'trapezoid':
    case 'trapezoid-alt':
      width += height * 0.6;
      break;
    case 'asymmetric':
      width += height / 3;
      break;
    case 'document':
      height += 10;
      break;
    case 'person':
      height += PERSON_FIGURE_HEIGHT;
      break;
    default:
      break;
  }
  width = round(width);
  height = round(height);
  let labelX = (width - lw) / 2;
  let labelY = (height - lh) / 2;
  if (shape === 'person') labelY = height - py - lh;
  if (shape === 'document') labelY = (height - 10 - lh) / 2;
  if (shape === 'cylinder') labelY = lidHeight(width) + (height - lidHeight(width) - lh) / 2;
  if (shape === 'asymmetric') labelX = height / 6 + (width - height / 6 - lw) / 2;
  return { width, height, labelX: round(labelX), labelY: round(labelY) };
}

/**
 * Width reserved at the right end of a collapsed group's box for the badge
 * the app draws there (hidden-node count and an expand chevron), in px. The
 * strip is the box's full height, and the label never reaches into it.
 */
export const COLLAPSED_BADGE_WIDTH = 36;

/**
 * The box of a collapsed group, laid out as a leaf: its title (measured in
 * the group title style) with the node label's padding, at least a minimum
 * node, plus the badge strip on the right. The title is centred, vertically
 * and in the part of the box left of the strip, like a node's label.
 */
export function collapsedGroupSize(title: { width: number; height: number }): NodeBox {
  const width = round(
    Math.max(MIN_NODE.width, title.width + 2 * LABEL_PADDING.x) + COLLAPSED_BADGE_WIDTH,
  );
  const height = round(Math.max(MIN_NODE.height, title.height + 2 * LABEL_PADDING.y));
  return {
    width,
    height,
    labelX: round((width - COLLAPSED_BADGE_WIDTH - title.width) / 2),
    labelY: round((height - title.height) / 2),
  };
}

/** Height of a cylinder's elliptic lid for a cylinder this wide. */
export function lidHeight(width: number): number {
  return Math.min(14, Math.max(6, width / 12));
}

/** Round to 1/100 px so laid-out JSON is byte-stable across platforms. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
