import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import './skeleton.css';

/** Where the placeholder's shapes are, in a 400×240 box; `wave` orders the shimmer left to right. */
const BOXES = [
  { x: 20, y: 95, width: 100, height: 50, wave: 0 },
  { x: 170, y: 40, width: 100, height: 50, wave: 1 },
  { x: 170, y: 150, width: 100, height: 50, wave: 1 },
  { x: 300, y: 95, width: 80, height: 50, wave: 2 },
];
const LINES = [
  { d: 'M120 120 C145 120 145 65 170 65', wave: 0 },
  { d: 'M120 120 C145 120 145 175 170 175', wave: 0 },
  { d: 'M270 65 C285 65 285 120 300 120', wave: 1 },
  { d: 'M270 175 C285 175 285 120 300 120', wave: 1 },
];

/**
 * A faint diagram that is no diagram: a few boxes and lines in the palette's
 * muted colours, shimmering gently (still under reduced motion). Decoration
 * only; whoever shows it says what it stands for.
 */
export function SkeletonArt() {
  return (
    <svg
      className="fd-skeleton-art"
      viewBox="0 0 400 240"
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      <rect className="fd-skeleton-group" x={150} y={20} width={140} height={200} rx={16} />
      {LINES.map((line) => (
        <path
          key={line.d}
          className="fd-skeleton-line"
          d={line.d}
          style={{ animationDelay: `${line.wave * 200}ms` }}
        />
      ))}
      {BOXES.map((box) => (
        <g key={`${box.x},${box.y}`} style={{ animationDelay: `${box.wave * 200}ms` }}>
          <rect className="fd-skeleton-box" {...box} rx={12} />
          <rect
            className="fd-skeleton-text"
            x={box.x + 16}
            y={box.y + box.height / 2 - 5}
            width={box.width - 32}
            height={10}
            rx={5}
          />
        </g>
      ))}
    </svg>
  );
}

/**
 * What a view shows at once while it waits (its code, its draft, its
 * layout): the placeholder where the diagram will be, named for assistive
 * technology, and under it `children` (what is being waited for), which
 * fade in only after a moment so a fast load does not flash text.
 */
export function Skeleton({ children, slow }: { children?: ReactNode; slow?: boolean }) {
  const t = useT();
  return (
    <div
      className="fd-progress fd-skeleton"
      role="status"
      aria-label={t('view.loading')}
      data-slow={slow || undefined}
    >
      <SkeletonArt />
      <div className="fd-progress-text">{children ?? <p>{t('view.loading')}</p>}</div>
    </div>
  );
}
