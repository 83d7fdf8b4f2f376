import { parseDeck } from '../core/deck/parseDeck.ts';
import { createLayoutEngine } from '../core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../core/layout/settings.ts';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import { measureText } from '../core/measure/measureText.ts';
import { formatDiagnostic } from '../core/model/formatDiagnostic.ts';
import type { AspectSetting } from '../core/model/screenShape.ts';
import type { Limits } from '../core/parse/limits.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { isDeckFile } from './deckFiles.ts';
import { elkThreads } from './elkThreads.ts';
import { readDiagramText } from './readText.ts';

export interface LayoutCommandOptions {
  json: boolean;
  /** Over the defaults (`--limit`). */
  limits?: Partial<Limits>;
  /** `--aspect`: stands in for the spec's `aspect:`; absent keeps it. */
  aspect?: AspectSetting | undefined;
}

/** `flowdeck layout`: prints the laid-out model, as JSON or as a readable table. */
export async function layout(
  file: string,
  options: LayoutCommandOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const read = await readDiagramText(file);
  if (!read.ok) {
    err(read.problem);
    return 1;
  }
  const { text } = read;
  if (isDeckFile(file, text)) {
    const entries = parseDeck(text, { file }).deck?.entries ?? [];
    const ids = [...new Set(entries.map((entry) => entry.diagram))];
    err(`flowdeck: ${file} is a lesson deck, not a diagram; lay out one of its diagrams instead`);
    if (ids.length > 0) err(`  its diagrams: ${ids.join(', ')}`);
    err(`  (\`flowdeck check ${file}\` checks the deck itself)`);
    return 1;
  }
  const { model, diagnostics } = parseDiagram(text, { file, limits: options.limits });
  for (const d of diagnostics) err(formatDiagnostic(d));
  if (!model || diagnostics.some((d) => d.severity === 'error')) return 1;
  const engine = createLayoutEngine({
    measure: measureText,
    settings: DEFAULT_LAYOUT_SETTINGS,
    elk: elkThreads(),
  });
  let diagram: LaidOutDiagram;
  try {
    diagram = await engine.layout(options.aspect ? { ...model, aspect: options.aspect } : model);
  } catch (error) {
    err(`${file}: error: could not be laid out: ${(error as Error)?.message ?? error}`);
    return 1;
  }
  if (options.json) out(JSON.stringify(withCaptions(diagram), null, 2));
  else for (const line of describe(diagram)) out(line);
  return 0;
}

/** Every flow step gets a `caption` ('' when it has none), so readers need not guess. */
function withCaptions(d: LaidOutDiagram): LaidOutDiagram {
  const flows = d.flows.map((flow) => ({
    ...flow,
    steps: flow.steps.map((step) => ({ caption: '', ...step })),
  }));
  return { ...d, flows };
}

function describe(d: LaidOutDiagram): string[] {
  const shape = d.shape ? `, for ${d.shape}` : '';
  const lines = [`${d.id}: ${d.title} (${d.width} × ${d.height}, ${d.direction}${shape})`];
  for (const n of d.nodes) {
    const indent = '  '.repeat(n.depth + 1);
    const label = n.label.replace(/\n/g, ' ⏎ ');
    lines.push(
      `${indent}${n.kind} ${n.id} [${n.shape}] "${label}" at ${n.x},${n.y} ${n.width}×${n.height}`,
    );
  }
  for (const e of d.edges) {
    const label = e.label ? ` "${e.label.replace(/\n/g, ' ⏎ ')}"` : '';
    const route = e.points.map((p) => `${p.x},${p.y}`).join(' ');
    lines.push(`  edge ${e.id}${label}: ${route}`);
  }
  for (const f of d.flows) lines.push(`  flow ${f.id} "${f.title}": ${f.steps.length} step(s)`);
  return lines;
}
