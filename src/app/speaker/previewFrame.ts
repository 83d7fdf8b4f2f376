import type { Box } from '../../core/layout/types.ts';

/** Room around a step's focus, as a share of its size on each side (as the canvas camera). */
const PADDING = 0.2;
/** The preview never shows less than this share of the diagram's width or height. */
const MIN_SHARE = 0.4;

/**
 * What the next-step preview frames: the step's focus with room around it,
 * as the camera will show it, but never so close that a one-node step loses
 * its surroundings, and never more than the whole diagram.
 */
export function previewFrame(focus: Box, diagram: { width: number; height: number }): Box {
  const span = (size: number, whole: number) =>
    Math.min(Math.max(size * (1 + 2 * PADDING), whole * MIN_SHARE), Math.max(whole, size));
  const width = span(focus.width, diagram.width);
  const height = span(focus.height, diagram.height);
  return {
    x: focus.x + focus.width / 2 - width / 2,
    y: focus.y + focus.height / 2 - height / 2,
    width,
    height,
  };
}
