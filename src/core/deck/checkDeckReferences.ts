import { suggest } from '../model/suggest.ts';
import type { Diagnostic, SourcePos } from '../model/types.ts';
import { diagramId, isDiagramFile } from '../parse/files.ts';
import type { CheckDeckReferencesOptions, Deck, DeckTarget } from './types.ts';

function problem(
  message: string,
  pos: SourcePos | undefined,
  options: CheckDeckReferencesOptions,
  suggestion?: string,
): Diagnostic {
  return {
    severity: 'error',
    message: suggestion === undefined ? message : `${message} (did you mean \`${suggestion}\`?)`,
    ...(options.file === undefined ? {} : { file: options.file }),
    line: pos?.line ?? 1,
    col: pos?.col ?? 1,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/**
 * Errors for deck entries naming a diagram or a flow that does not exist,
 * each at the id in the deck, with "did you mean …?" when one is close.
 *
 * @example checkDeckReferences(deck, [{ id: 'cri-chain', flows: [] }], { file: 'diagrams/part1.yaml' })
 */
export function checkDeckReferences(
  deck: Deck,
  diagrams: readonly DeckTarget[],
  options: CheckDeckReferencesOptions = {},
): Diagnostic[] {
  const byId = new Map(diagrams.map((diagram) => [diagram.id, diagram]));
  const diagnostics: Diagnostic[] = [];
  for (const entry of deck.entries) {
    const target = byId.get(entry.diagram);
    if (!target) {
      // `cri-chain.mmd` for `cri-chain`: say what to write, not just a near miss.
      const bare = isDiagramFile(entry.diagram) ? diagramId(entry.diagram) : undefined;
      const hint = bare !== undefined && byId.has(bare) ? bare : undefined;
      diagnostics.push(
        problem(
          `unknown diagram \`${entry.diagram}\`${hint ? '; a diagram id is its file name without folder or extension' : ''}`,
          entry.pos,
          options,
          hint ?? suggest(entry.diagram, byId.keys()),
        ),
      );
      continue;
    }
    if (entry.flow === undefined || target.flows.includes(entry.flow)) continue;
    const known =
      target.flows.length === 0
        ? `; \`${target.id}\` has no flows`
        : `; its flows: ${target.flows.join(', ')}`;
    const suggestion = suggest(entry.flow, target.flows);
    diagnostics.push(
      problem(
        `unknown flow \`${entry.flow}\` in diagram \`${target.id}\`${suggestion ? '' : known}`,
        entry.flowPos ?? entry.pos,
        options,
        suggestion,
      ),
    );
  }
  return diagnostics;
}
