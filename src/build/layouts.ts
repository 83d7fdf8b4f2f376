import { elkThreads } from '../cli/elkThreads.ts';
import { isDeckSource } from '../core/deck/isDeckSource.ts';
import { parseDeck } from '../core/deck/parseDeck.ts';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import type { LayoutEngine } from '../core/layout/createLayoutEngine.ts';
import { hashString } from '../core/layout/hash.ts';
import { type LayoutManifest, layoutSource } from '../core/layoutSource.ts';
import { SCREEN_SHAPES, type ScreenShape } from '../core/model/screenShape.ts';
import { diagramId } from '../core/parse/files.ts';

/** A diagram file as the app bundles it: its path from the project root and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

export interface PrebuiltLayouts {
  manifest: LayoutManifest;
  /** Files to ship, named by their content, so a host may cache them for ever. */
  files: { fileName: string; source: string }[];
}

/**
 * A diagram laid out for a screen shape, as the bytes the app fetches: the
 * layout worker's answer to the same text (`layoutSource()`), as JSON.
 */
export async function prebuildOne(
  engine: LayoutEngine,
  source: SourceFile,
  screen: ScreenShape,
): Promise<string> {
  return JSON.stringify(await layoutSource(engine, { ...source, screen }));
}

/**
 * Lays out every diagram for every screen shape ahead of time, so the app
 * paints them without starting ELK (`npm run build`; see docs/instant.md).
 * A diagram with errors ships its diagnostics, as the worker would answer.
 * Lesson decks among `files` are read for the diagrams they show.
 */
export async function prebuildLayouts(
  files: readonly SourceFile[],
  engine: LayoutEngine = createDefaultLayoutEngine(elkThreads()),
): Promise<PrebuiltLayouts> {
  const manifest: LayoutManifest = { diagrams: {}, decks: {} };
  const sources = files.filter((f) => !isDeckSource(f.text));
  const ids = new Map(sources.map((s) => [diagramId(s.file), s.file]));
  for (const file of files) {
    if (!isDeckSource(file.text)) continue;
    const deck = parseDeck(file.text, { file: file.file }).deck;
    if (!deck) continue;
    const used = new Set(deck.entries.map((e) => e.diagram));
    manifest.decks[deck.id] = [...used].flatMap((id) => ids.get(id) ?? []);
  }
  const shipped = new Map<string, string>();
  for (const source of sources) {
    const shapes = {} as Record<ScreenShape, string>;
    for (const shape of SCREEN_SHAPES) {
      const json = await prebuildOne(engine, source, shape);
      const fileName = `layouts/${diagramId(source.file)}.${hashString(json).slice(0, 10)}.json`;
      shipped.set(fileName, json);
      shapes[shape] = fileName;
    }
    manifest.diagrams[source.file] = { text: hashString(source.text), shapes };
  }
  return { manifest, files: [...shipped].map(([fileName, source]) => ({ fileName, source })) };
}
