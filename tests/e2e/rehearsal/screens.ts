import { readdirSync, readFileSync } from 'node:fs';
import { isDeckSource } from '../../../src/core/deck/isDeckSource.ts';
import { parseDeck } from '../../../src/core/deck/parseDeck.ts';
import { deckSlides } from '../../../src/core/deck/slides.ts';
import type { Model } from '../../../src/core/model/types.ts';
import { parseDiagram } from '../../../src/core/parse/parseDiagram.ts';

/** One screen of a rehearsal: a step of a flow, or a slide of a deck, in presenter mode. */
export interface Screen {
  /** How failures and the bench name it: `kubectl-apply/apply/3`, `part1 slide 12 (kubectl-apply/apply/3)`. */
  name: string;
  /** The diagram the canvas shows. */
  diagram: string;
  /** The route that opens it. */
  hash: string;
  /** The step or slide counter the screen shows ("Step 3 of 8", "Slide 12 of 40", English UI). */
  counter: string;
  /** The key that reaches it from the screen before; null for the first of a run (opened by `hash`). */
  key: 'ArrowRight' | 'PageDown' | null;
  /** How many nodes and edges its step names to light (0 on an idle slide, or a step that lights nothing). */
  lights: number;
}

/** Every diagram and deck in `dir`, parsed as the app and the CLI parse them. */
function sources(dir: string) {
  const diagrams: Model[] = [];
  const decks: { file: string; text: string }[] = [];
  const files = readdirSync(dir)
    .filter((f) => /\.(mmd|mermaid|ya?ml)$/.test(f))
    .sort();
  for (const name of files) {
    const file = `${dir}/${name}`;
    const text = readFileSync(file, 'utf8');
    if (isDeckSource(text)) {
      decks.push({ file, text });
      continue;
    }
    const { model } = parseDiagram(text, { file });
    if (!model) throw new Error(`${file} did not parse`);
    diagrams.push(model);
  }
  return { diagrams, decks };
}

/**
 * Every screen a teacher can present from `dir`, in the order a rehearsal
 * steps through them: each flow of each diagram, step by step (→), then each
 * deck, slide by slide (PageDown). Read from the files, so a new diagram,
 * flow or deck is rehearsed without a list to update.
 */
export function rehearsalScreens(dir = 'diagrams'): Screen[] {
  const { diagrams, decks } = sources(dir);
  const screens: Screen[] = [];
  for (const model of diagrams) {
    for (const flow of model.flows) {
      const count = flow.steps.length;
      for (const [index, { nodes, edges }] of flow.steps.entries()) {
        const step = index + 1;
        const route = `${encodeURIComponent(model.id)}/${encodeURIComponent(flow.id)}`;
        screens.push({
          name: `${model.id}/${flow.id}/${step}`,
          diagram: model.id,
          hash: `#/d/${route}/${step}`,
          counter: `Step ${step} of ${count}`,
          key: step === 1 ? null : 'ArrowRight',
          lights: nodes.length + edges.length,
        });
      }
    }
  }
  const models = new Map(diagrams.map((m) => [m.id, m]));
  for (const { file, text } of decks) {
    const { deck } = parseDeck(text, { file });
    if (!deck) throw new Error(`${file} did not parse`);
    const slides = deckSlides(deck, (id) => models.get(id)?.flows);
    slides.forEach((slide, index) => {
      const n = index + 1;
      const step = models.get(slide.diagramId)?.flows.find((f) => f.id === slide.flowId)?.steps[
        slide.step
      ];
      const what =
        slide.flowId === null
          ? slide.diagramId
          : `${slide.diagramId}/${slide.flowId}/${slide.step + 1}`;
      screens.push({
        name: `${deck.id} slide ${n} (${what})`,
        diagram: slide.diagramId,
        hash: `#/deck/${encodeURIComponent(deck.id)}/${n}`,
        counter: `Slide ${n} of ${slides.length}`,
        key: index === 0 ? null : 'PageDown',
        lights: step ? step.nodes.length + step.edges.length : 0,
      });
    });
  }
  return screens;
}
