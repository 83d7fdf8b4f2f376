import type { Box } from '../../core/layout/types.ts';
import { useIcon } from './iconStore.ts';

/**
 * A node's icon in the box the layout reserved (`iconBox`, absolute; the
 * node's svg starts at `originX`, `originY`): the set's drawing as an inline
 * `<svg>`, in the node's ink where the set draws in `currentColor`. While it
 * loads, or if no set has it, a faint box of the same size holds its place.
 * Inside the node's element, it dims and lights with the node.
 */
export function NodeIcon({
  name,
  box,
  originX,
  originY,
  className = 'fd-node-icon',
}: {
  name: string;
  box: Box;
  originX: number;
  originY: number;
  className?: string;
}) {
  const icon = useIcon(name);
  const x = box.x - originX;
  const y = box.y - originY;
  if (!icon) {
    return (
      <rect
        className={`${className} fd-icon-missing`}
        data-icon={name}
        data-loading={icon === undefined || undefined}
        x={x}
        y={y}
        width={box.width}
        height={box.height}
        rx={Math.min(box.width, box.height) / 6}
      />
    );
  }
  return (
    <svg
      className={className}
      data-icon={name}
      x={x}
      y={y}
      width={box.width}
      height={box.height}
      viewBox={`${icon.left} ${icon.top} ${icon.width} ${icon.height}`}
      // The sets' own markup (paths, no script), bundled with the app: trusted.
      dangerouslySetInnerHTML={{ __html: icon.body }}
    />
  );
}
