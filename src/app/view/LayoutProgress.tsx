import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { JobPhase } from '../layoutClient.ts';
import { Skeleton } from './Skeleton.tsx';

/** After this long, a wait offers a way out: try again (the layout itself stops at its own timeout). */
export const SLOW_WAIT_MS = 12_000;

/**
 * Shown while the worker lays out: at once the skeleton in the diagram's
 * place, and under it (after a moment, so a fast layout does not flash it)
 * what the worker is doing and for how long. `compact`, it is a chip over
 * a diagram already drawn. Past `SLOW_WAIT_MS` it says so and, with
 * `onRetry`, offers to try again.
 */
export function LayoutProgress({
  phase,
  text,
  compact = false,
  onRetry,
}: {
  phase: JobPhase | null;
  /** What is being waited for, when it is more than the phase (a deck's count). */
  text?: string | undefined;
  compact?: boolean;
  onRetry?: (() => void) | undefined;
}) {
  const t = useT();
  const [since, setSince] = useState(() => performance.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const tick = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(tick);
  }, []);
  const waited = now - since;
  const seconds = Math.floor(waited / 1000);
  const slow = waited >= SLOW_WAIT_MS;
  const message = text ?? t(`view.phase.${phase ?? 'starting'}`);
  const status = (
    <>
      <div className="fd-progress-bar" aria-hidden="true" />
      <p>
        {message}
        {seconds >= 2 ? ` ${t('view.seconds', { seconds })}` : ''}
      </p>
      {slow && onRetry ? (
        <p className="fd-progress-slow">
          {t('view.slow')}{' '}
          <button
            type="button"
            className="fd-button"
            onClick={() => {
              setSince(performance.now());
              onRetry();
            }}
          >
            {t('view.retry')}
          </button>
        </p>
      ) : null}
    </>
  );
  if (!compact) return <Skeleton slow={slow}>{status}</Skeleton>;
  return (
    <div className="fd-progress fd-progress-compact" role="status" data-slow={slow || undefined}>
      {status}
    </div>
  );
}
