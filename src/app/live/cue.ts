import type { Cue } from '../../classroom/protocol.ts';
import { deckHref, diagramHref, parseRoute } from '../route.ts';

/** The route that shows a cue: what a student's tab goes to when the teacher moves. */
export function cueHref(cue: Cue): string {
  return cue.kind === 'deck'
    ? deckHref(cue.deck, cue.slide)
    : diagramHref(cue.diagram, cue.flow, cue.step);
}

/** The cue a hash shows, or null where the class cannot follow (the gallery, the editor, an embed…). */
export function cueOfHash(hash: string): Cue | null {
  const route = parseRoute(hash);
  if (route.kind === 'deck') return { kind: 'deck', deck: route.id, slide: route.slide };
  if (route.kind !== 'diagram' || route.embed) return null;
  return route.flow
    ? { kind: 'diagram', diagram: route.id, flow: route.flow, step: route.step ?? 1 }
    : { kind: 'diagram', diagram: route.id };
}
