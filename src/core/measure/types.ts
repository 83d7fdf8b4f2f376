/** Options for measuring a label. */
export interface MeasureTextOptions {
  /** Font size in px. */
  fontSize: number;
  fontWeight?: 'regular' | 'semibold';
  /** Line height as a multiple of fontSize. Default 1.4. */
  lineHeight?: number;
  /** Wrap lines longer than this many px. Omit for no wrapping. */
  maxWidth?: number;
}

export interface MeasuredLine {
  text: string;
  width: number;
}

export interface MeasuredText {
  lines: MeasuredLine[];
  /** Widest line. */
  width: number;
  /** lines.length * fontSize * lineHeight. */
  height: number;
}
