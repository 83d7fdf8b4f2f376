import type { Diagnostic, SourcePos } from '../model/types.ts';

/**
 * A lesson deck: diagrams (and the flows to play on them) in teaching order.
 * Plain, serializable data, like the model.
 */
export interface Deck {
  /** File name without extension. */
  id: string;
  /** Defaults to the id. */
  title: string;
  description?: string;
  entries: DeckEntry[];
}

/** One slide of a deck: a diagram, optionally with the flow to play on it. */
export interface DeckEntry {
  /** A diagram id: the diagram's file name without extension. */
  diagram: string;
  /** A flow id of that diagram. */
  flow?: string;
  /** Where the diagram id is written. */
  pos?: SourcePos;
  /** Where the flow id is written. */
  flowPos?: SourcePos;
}

export interface DeckParseResult {
  /** Null only when the text is broken YAML or not a map. */
  deck: Deck | null;
  diagnostics: Diagnostic[];
}

export interface ParseDeckOptions {
  /** The deck's file; its name gives the deck id and it is shown in diagnostics. */
  file: string;
}

/** What a deck may refer to: a diagram id and the ids of its flows. */
export interface DeckTarget {
  id: string;
  flows: readonly string[];
}

export interface CheckDeckReferencesOptions {
  /** Shown in diagnostics. */
  file?: string;
}
