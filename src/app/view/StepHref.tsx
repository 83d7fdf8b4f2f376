import { createContext, useCallback, useContext } from 'react';
import { diagramHref } from '../route.ts';

/** The URL of a flow's step (from 1) in the view on screen; no flow: the view itself. */
export type StepHref = (flow?: string, step?: number) => string;

/**
 * Views that play flows at other URLs than `#/d/<id>` (an embed, a draft in
 * the editor, a shared diagram) provide how their steps are addressed, so the
 * player, its bar and presenter mode stay where they are.
 */
export const StepHrefContext = createContext<StepHref | null>(null);

/**
 * How this view links its steps: the provided scheme, else the diagram
 * view's. Stable while the diagram is (the player's timers depend on it).
 */
export function useStepHref(diagramId: string): StepHref {
  const provided = useContext(StepHrefContext);
  const own = useCallback<StepHref>(
    (flow, step) => diagramHref(diagramId, flow, step),
    [diagramId],
  );
  return provided ?? own;
}
