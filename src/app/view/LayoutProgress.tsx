import { useEffect, useState } from 'react';
import type { LayoutPhase } from '../../worker/protocol.ts';
import { useT } from '../i18n/useT.ts';

/**
 * Shown while the worker lays out: what it is doing and for how long. It
 * appears only after a moment, so a fast layout does not flash it.
 */
export function LayoutProgress({
  phase,
  compact = false,
}: {
  phase: LayoutPhase | 'starting' | null;
  compact?: boolean;
}) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const show = setTimeout(() => setShown(true), 150);
    const tick = setInterval(
      () => setSeconds(Math.floor((performance.now() - started) / 1000)),
      500,
    );
    return () => {
      clearTimeout(show);
      clearInterval(tick);
    };
  }, []);
  const message = t(`view.phase.${phase ?? 'starting'}`);
  return (
    <div
      className={compact ? 'fd-progress fd-progress-compact' : 'fd-progress'}
      role="status"
      hidden={!shown}
    >
      <div className="fd-progress-bar" aria-hidden="true" />
      <p>
        {message}
        {seconds >= 2 ? ` ${t('view.seconds', { seconds })}` : ''}
      </p>
    </div>
  );
}
