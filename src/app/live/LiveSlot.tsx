import { Suspense } from 'react';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { LiveCanvas, LiveStage } from '../views.ts';
import { liveWanted } from './gate.ts';

/**
 * Where a view makes room for the live session: `stage` over the view (the
 * live badge, a student's question), `canvas` inside `<Canvas>` (counts on
 * the diagram, a student's taps). Nothing, and no code loaded, in a tab
 * with no session.
 */
export function LiveSlot({ part }: { part: 'stage' | 'canvas' }) {
  if (!liveWanted()) return null;
  const Part = part === 'stage' ? LiveStage : LiveCanvas;
  return (
    <ErrorBoundary part="live" fallback={() => null}>
      <Suspense fallback={null}>
        <Part />
      </Suspense>
    </ErrorBoundary>
  );
}
