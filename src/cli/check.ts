import { checkDeckReferences } from '../core/deck/checkDeckReferences.ts';
import { parseDeck } from '../core/deck/parseDeck.ts';
import type { Deck, DeckTarget } from '../core/deck/types.ts';
import { checkIcons } from '../core/icons/checkIcons.ts';
import type { IconCatalog } from '../core/icons/types.ts';
import { formatDiagnostic } from '../core/model/formatDiagnostic.ts';
import type { Diagnostic } from '../core/model/types.ts';
import { diagramId } from '../core/parse/files.ts';
import type { Limits } from '../core/parse/limits.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { isDeckFile } from './deckFiles.ts';
import { collectDiagramFiles } from './files.ts';
import { createIconCatalog, usedSetNames } from './icons.ts';
import { readDiagramText } from './readText.ts';

type Checked =
  | { kind: 'diagram'; file: string; diagnostics: Diagnostic[]; target: DeckTarget }
  | { kind: 'deck'; file: string; diagnostics: Diagnostic[]; deck: Deck | null }
  /** Not read, or not readable as a diagram: `problem` is the line that says why. */
  | { kind: 'unread'; file: string; problem: string };

async function checkFile(
  file: string,
  limits: Partial<Limits> | undefined,
  catalog: IconCatalog,
): Promise<Checked> {
  const read = await readDiagramText(file);
  if (!read.ok) return { kind: 'unread', file, problem: read.problem };
  const { text } = read;
  let parsed: ReturnType<typeof parseDiagram>;
  try {
    if (isDeckFile(file, text)) return { kind: 'deck', file, ...parseDeck(text, { file }) };
    parsed = parseDiagram(text, { file, limits });
  } catch (error) {
    // The parsers report problems rather than throw; if one ever does, this file alone fails.
    return {
      kind: 'unread',
      file,
      problem: `${file}: error: could not be read: ${message(error)}`,
    };
  }
  const { model } = parsed;
  let diagnostics = parsed.diagnostics;
  if (model) {
    // Icons no bundled set has: the node draws without one, so a warning.
    const names = await usedSetNames(catalog, model.nodes);
    const icons = checkIcons({ nodes: model.nodes, names, text, file });
    if (icons.length > 0)
      diagnostics = [...diagnostics, ...icons].sort((a, b) => a.line - b.line || a.col - b.col);
  }
  // A diagram too broken to read still exists, so decks naming it are not told otherwise.
  const target = { id: model?.id ?? diagramId(file), flows: model?.flows.map((f) => f.id) ?? [] };
  return { kind: 'diagram', file, diagnostics, target };
}

/**
 * `flowdeck check`: validates diagrams and lesson decks, prints `file:line:col: …`,
 * and returns the exit code. Decks' diagram and flow ids are checked against
 * the diagrams of the same run, when it has any.
 */
export async function check(
  paths: string[],
  out: (line: string) => void,
  limits?: Partial<Limits>,
): Promise<number> {
  const files = await collectDiagramFiles(paths);
  const checked: Checked[] = [];
  const catalog = createIconCatalog();
  for (const file of files) checked.push(await checkFile(file, limits, catalog));
  const targets = checked.flatMap((c) => (c.kind === 'diagram' ? [c.target] : []));
  let errors = 0;
  let warnings = 0;
  let unchecked = 0;
  for (const c of checked) {
    if (c.kind === 'unread') {
      out(c.problem);
      errors++;
      continue;
    }
    let diagnostics = c.diagnostics;
    if (c.kind === 'deck' && c.deck) {
      if (targets.length === 0) unchecked++;
      else
        diagnostics = [
          ...diagnostics,
          ...checkDeckReferences(c.deck, targets, { file: c.file }),
        ].sort((a, b) => a.line - b.line || a.col - b.col);
    }
    for (const d of diagnostics) {
      out(formatDiagnostic(d));
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  if (unchecked > 0) {
    out(
      `${unchecked} deck(s): diagram ids not checked, as no diagram was in this run (check the folder, e.g. \`flowdeck check diagrams/\`)`,
    );
  }
  out(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 || files.length === 0 ? 1 : 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
