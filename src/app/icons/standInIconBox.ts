import type { Box, LaidOutNode } from '../../core/layout/types.ts';

/**
 * TEMPORARY (issue 22): the layout's `iconBox` comes from the core's branch
 * (i22-core); until it is merged, a node with an icon and no `iconBox` gets
 * this stand-in in its top-left corner, so the app's drawing can be seen and
 * tested. Delete this file and its callers' `?? standInIconBox(node)` once
 * the layout sets `iconBox`.
 */
export function standInIconBox(node: LaidOutNode): Box | undefined {
  if (!node.icon || !/^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(node.icon)) {
    return undefined;
  }
  return { x: node.x + 6, y: node.y + 6, width: 20, height: 20 };
}
