import type { LaidOutLabel } from '../../core/layout/types.ts';

/** A measured label drawn line by line, exactly as wrapped by the layout. */
export function NodeLabel({
  label,
  originX,
  originY,
  className,
}: {
  label: LaidOutLabel;
  originX: number;
  originY: number;
  className?: string;
}) {
  const lineHeight = label.lines.length > 0 ? label.height / label.lines.length : 0;
  const cx = label.x - originX + label.width / 2;
  return (
    <text className={className} fontSize={label.fontSize} textAnchor="middle">
      {label.lines.map((line, i) => (
        <tspan
          key={i}
          x={cx}
          y={label.y - originY + lineHeight * i + lineHeight / 2}
          dominantBaseline="central"
        >
          {line}
        </tspan>
      ))}
    </text>
  );
}
