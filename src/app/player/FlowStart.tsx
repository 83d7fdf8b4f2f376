import { useEffect } from 'react';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { isTyping } from '../isTyping.ts';
import { navigate } from '../route.ts';
import { useStepHref } from '../view/StepHref.tsx';
import { FlowBar, Tokens } from '../views.ts';

/** In a diagram with flows but none playing: the way in (→ does the same). */
export function FlowStart({ diagram }: { diagram: LaidOutDiagram }) {
  const t = useT();
  const first = diagram.flows[0];
  const stepHref = useStepHref(diagram.id);
  useEffect(() => {
    if (!first) return;
    // Fetch the player while the reader looks, so → starts it at once.
    void FlowBar.preload();
    void Tokens.preload();
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== 'ArrowRight') return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      navigate(stepHref(first.id, 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepHref, first]);
  if (!first) return null;
  return (
    <nav className="fd-flowstart fd-chrome" aria-label={t('player.flows')}>
      {diagram.flows.map((f) => (
        <a key={f.id} className="fd-button fd-play-link" href={stepHref(f.id, 1)}>
          ▶ {f.title}{' '}
          <span className="fd-muted">({t('player.stepCount', { count: f.steps.length })})</span>
        </a>
      ))}
    </nav>
  );
}
