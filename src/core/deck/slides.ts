import type { Deck } from './types.ts';

/** One slide of a deck: a step of a flow on a diagram, or a diagram shown idle. */
export interface Slide {
  /** Index of the deck entry the slide comes from. */
  entry: number;
  diagramId: string;
  /** Null when the diagram has no flow to play: the slide shows it idle. */
  flowId: string | null;
  /** 0-based step of the flow (0 for an idle slide). */
  step: number;
}

/** What slides need to know of a diagram's flows: their ids and how many steps each has. */
export interface FlowOutline {
  id: string;
  steps: readonly unknown[];
}

/**
 * The slides of a deck, in order: an entry with a `flow` gives that flow's
 * steps; one without gives its diagram's first flow's steps; a diagram with
 * no flows (or a flow that does not exist, or has no steps) gives one idle
 * slide. Entries whose diagram is unknown (`flowsOf` gives undefined) give
 * none: `flowdeck check` reports them.
 *
 * @example deckSlides(deck, (id) => diagrams.get(id)?.flows).length
 */
export function deckSlides(
  deck: Pick<Deck, 'entries'>,
  flowsOf: (diagramId: string) => readonly FlowOutline[] | undefined,
): Slide[] {
  const slides: Slide[] = [];
  for (const [entry, { diagram, flow }] of deck.entries.entries()) {
    const flows = flowsOf(diagram);
    if (!flows) continue;
    const played = flow === undefined ? flows[0] : flows.find((f) => f.id === flow);
    if (!played || played.steps.length === 0) {
      slides.push({ entry, diagramId: diagram, flowId: null, step: 0 });
      continue;
    }
    for (let step = 0; step < played.steps.length; step++) {
      slides.push({ entry, diagramId: diagram, flowId: played.id, step });
    }
  }
  return slides;
}

/** Where one deck entry's slides begin: a part of the lesson. */
export interface LessonPart {
  /** Index of its first slide. */
  first: number;
  diagramId: string;
}

/**
 * The parts of a lesson: where each deck entry's run of slides starts, so a
 * player can say "part 3 of 11" and jump to a part. An entry that shows the
 * same diagram as the one before is a part of its own.
 *
 * @example lessonParts(deckSlides(deck, flowsOf)).length // the deck's entries that have slides
 */
export function lessonParts(slides: readonly Slide[]): LessonPart[] {
  const parts: LessonPart[] = [];
  slides.forEach((slide, i) => {
    if (i === 0 || slides[i - 1]?.entry !== slide.entry)
      parts.push({ first: i, diagramId: slide.diagramId });
  });
  return parts;
}
