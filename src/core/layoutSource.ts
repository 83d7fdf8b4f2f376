import type { LayoutEngine } from './layout/createLayoutEngine.ts';
import type { LaidOutDiagram } from './layout/types.ts';
import { collapseGroups } from './model/collapse.ts';
import type { ScreenShape } from './model/screenShape.ts';
import type { Diagnostic } from './model/types.ts';
import type { Limits } from './parse/limits.ts';
import { parseDiagram } from './parse/parseDiagram.ts';

/** A diagram's text, and how the view that shows it wants it laid out. */
export interface SourceJob {
  text: string;
  file: string;
  /** Groups drawn collapsed (a view state, not part of the source). */
  collapsed?: readonly string[] | undefined;
  /** The shape of the screen it is for (a spec's `aspect:` wins); none is as written. */
  screen?: ScreenShape | undefined;
  /** Over `DEFAULT_LIMITS`. */
  limits?: Partial<Limits> | undefined;
}

/** What laying out a text gives: the diagram, or why there is none. */
export type LayoutAnswer =
  | { ok: true; diagram: LaidOutDiagram; diagnostics: Diagnostic[] }
  | {
      ok: false;
      /** `invalid`: the text has errors (see diagnostics); `crashed`: parse or layout threw. */
      reason: 'invalid' | 'crashed';
      diagnostics: Diagnostic[];
      message: string;
    };

/**
 * Text to laid-out diagram: parse, collapse, lay out. The one path every
 * layout the app shows takes, whether the layout worker runs it or the build
 * (`src/build/`) runs it ahead of time, so the two give the same bytes.
 * `onPhase` hears when layout starts (after parsing).
 */
export async function layoutSource(
  engine: LayoutEngine,
  job: SourceJob,
  onPhase?: (phase: 'layout') => void,
): Promise<LayoutAnswer> {
  try {
    const { model, diagnostics } = parseDiagram(job.text, { file: job.file, limits: job.limits });
    if (!model || diagnostics.some((d) => d.severity === 'error')) {
      return { ok: false, reason: 'invalid', diagnostics, message: 'The diagram has errors.' };
    }
    onPhase?.('layout');
    const view = collapseGroups(model, new Set(job.collapsed ?? []));
    const diagram = await engine.layout(view, { screen: job.screen });
    return { ok: true, diagram, diagnostics };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { ok: false, reason: 'crashed', diagnostics: [], message };
  }
}

/**
 * Where the layouts made ahead of time are (`src/build/layouts.ts` writes
 * it, the app reads it): per diagram file, its text's `hashString()` (a
 * layout is taken only for that very text) and its layout file per screen
 * shape; per lesson deck, its diagrams' files.
 */
export interface LayoutManifest {
  diagrams: Record<string, { text: string; shapes: Record<ScreenShape, string> }>;
  decks: Record<string, string[]>;
}
