import { useMemo } from 'react';
import type { Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { stepChanges } from '../../core/outline/changes.ts';
import { describeChanges } from '../../core/outline/describeNode.ts';
import { WORDS } from '../../core/outline/words.ts';
import { useLanguage } from '../i18n/useT.ts';

/**
 * What a screen reader says when a step plays: where it is ("Step 3 of 8"),
 * the caption, and what the step changed (lights, shows, hides, fails,
 * heals), once per step: the text changes only with the step (or the
 * language). The visible caption beside it is not live, so nothing is said
 * twice, and nothing depends on motion.
 */
export function StepAnnouncement({
  where,
  caption,
  diagram,
  timeline,
  step,
}: {
  /** "Step 3 of 8" */
  where: string;
  /** As the bar shows it. */
  caption: string;
  diagram: LaidOutDiagram;
  timeline: Timeline | null | undefined;
  /** The timeline's step (0-based). */
  step: number;
}) {
  const { language } = useLanguage();
  const changes = useMemo(
    () => (timeline ? describeChanges(diagram, stepChanges(timeline, step), WORDS[language]) : ''),
    [diagram, timeline, step, language],
  );
  const text = [where, caption.trim(), changes]
    .filter(Boolean)
    .map((part) => (/[.!?。…]$/.test(part) ? part : `${part}.`))
    .join(' ');
  return (
    <p className="fd-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
