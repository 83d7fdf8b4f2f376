import { ICON_SIZE as ICON_SIZE_LIMITS, isIconName } from '../icons/iconName.ts';
import type { IconPlacement } from '../icons/types.ts';
import type { MeasuredText } from '../measure/types.ts';
import type { ModelNode } from '../model/types.ts';
import { round } from './nodeSize.ts';

/** An icon's height when the node does not say, by placement. */
export const DEFAULT_ICON_SIZE: Record<IconPlacement, number> = { above: 32, beside: 20, only: 48 };
/** The sizes an icon may take, in px; others are brought within. */
/** Room between the icon and the label. */
const GAP = { above: 6, beside: 8 } as const;

/**
 * What a node's label and icon take together, and where each sits inside
 * that box: `nodeSize` pads the box as it pads a plain label. Without an
 * icon it is the label alone, so diagrams without icons lay out as before.
 */
export interface Content {
  width: number;
  height: number;
  label: { x: number; y: number };
  icon?: { x: number; y: number; size: number };
}

/** How a node's icon is placed: groups put theirs before the title. */
export function iconPlacement(node: ModelNode): IconPlacement | undefined {
  if (!isIconName(node.icon)) return undefined;
  if (node.kind === 'group') return 'beside';
  return node.iconPlacement ?? 'above';
}

/** The icon's size in px: the node's, within range, or the placement's default. */
export function iconSize(node: ModelNode, placement: IconPlacement): number {
  const asked = node.iconSize;
  if (asked === undefined || !Number.isFinite(asked)) return DEFAULT_ICON_SIZE[placement];
  return round(Math.min(ICON_SIZE_LIMITS.max, Math.max(ICON_SIZE_LIMITS.min, asked)));
}

/**
 * The label as drawn next to an icon: none when the icon stands alone (the
 * label stays the node's name, for titles and screen readers) or when the
 * label is blank (a Mermaid icon shape without one).
 */
export function drawnText(node: ModelNode, text: MeasuredText): MeasuredText {
  const placement = iconPlacement(node);
  if (!placement) return text;
  if (placement === 'only' || node.label.trim() === '') return { lines: [], width: 0, height: 0 };
  return text;
}

/**
 * The box holding a node's label (as `drawnText` gives it) and its icon:
 * the icon over the label (`above`), left of it (`beside`, and a group's
 * title), or alone (`only`), each centred across the other.
 */
export function contentBox(node: ModelNode, text: { width: number; height: number }): Content {
  const placement = iconPlacement(node);
  if (!placement) return { width: text.width, height: text.height, label: { x: 0, y: 0 } };
  const size = iconSize(node, placement);
  const empty = text.width === 0 && text.height === 0;
  if (placement === 'only' || empty)
    return {
      width: size,
      height: size,
      label: { x: size / 2, y: size / 2 },
      icon: { x: 0, y: 0, size },
    };
  if (placement === 'beside') {
    const height = Math.max(size, text.height);
    return {
      width: round(size + GAP.beside + text.width),
      height,
      label: { x: round(size + GAP.beside), y: round((height - text.height) / 2) },
      icon: { x: 0, y: round((height - size) / 2), size },
    };
  }
  const width = Math.max(size, text.width);
  return {
    width,
    height: round(size + GAP.above + text.height),
    label: { x: round((width - text.width) / 2), y: round(size + GAP.above) },
    icon: { x: round((width - size) / 2), y: 0, size },
  };
}
