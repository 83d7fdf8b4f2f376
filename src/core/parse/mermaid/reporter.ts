import type { Diagnostic, ParseOptions, SourcePos } from '../../model/types.ts';
import type { MappedText } from './mappedText.ts';

/** Collects diagnostics and turns lexed-text offsets into source positions. */
export interface Reporter {
  /** Reports at an offset of the lexed text. */
  report(severity: Diagnostic['severity'], message: string, at: number, suggestion?: string): void;
  /** Reports at an offset of the original source. */
  reportAtSource(severity: Diagnostic['severity'], message: string, offset: number): void;
  /** The source position of a lexed-text offset, offsets applied. */
  position(at: number): SourcePos;
  diagnostics(): Diagnostic[];
}

/** Past this many errors the rest are likely echoes of the first ones. */
const MAX_ERRORS = 50;

/** A reporter for one source text and what was lexed from it. */
export function createReporter(source: string, lexed: MappedText, options: ParseOptions): Reporter {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const found: Diagnostic[] = [];
  let errors = 0;

  const sourcePosition = (offset: number): SourcePos => {
    // The end of a file that ends with a newline belongs to its last line.
    let clamped = Math.max(0, Math.min(offset, source.length));
    while (clamped > 0 && clamped === source.length && /[\r\n]/.test(source.charAt(clamped - 1)))
      clamped--;
    // The `\n` of a `\r\n` is no column of its own: the line ends at the `\r`.
    if (source.charAt(clamped) === '\n' && source.charAt(clamped - 1) === '\r') clamped--;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return {
      line: lo + 1 + (options.lineOffset ?? 0),
      col: clamped - (lineStarts[lo] ?? 0) + 1 + (options.colOffset ?? 0),
    };
  };

  const add = (
    severity: Diagnostic['severity'],
    message: string,
    pos: SourcePos,
    suggestion?: string,
  ) => {
    if (severity === 'error' && ++errors > MAX_ERRORS) {
      if (errors === MAX_ERRORS + 1) {
        found.push({
          severity,
          message: 'Too many errors; the rest are not reported.',
          ...pos,
          ...file(options),
        });
      }
      return;
    }
    found.push({
      severity,
      message,
      ...pos,
      ...file(options),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  };

  const position = (at: number): SourcePos =>
    sourcePosition(
      lexed.origins[Math.max(0, Math.min(at, lexed.origins.length - 1))] ?? source.length,
    );

  return {
    report: (severity, message, at, suggestion) => add(severity, message, position(at), suggestion),
    reportAtSource: (severity, message, offset) => add(severity, message, sourcePosition(offset)),
    position,
    diagnostics: () => [...found],
  };
}

function file(options: ParseOptions): { file?: string } {
  return options.file === undefined ? {} : { file: options.file };
}
