/**
 * Text that remembers, for every character, where it came from in the
 * original source. Mermaid rewrites its input before lexing (drops comments,
 * front matter, directives, encodes entity codes); we do the same rewrites so
 * we lex exactly what Mermaid lexes, yet still report positions in the file
 * the user wrote.
 */
export interface MappedText {
  readonly text: string;
  /** `origins[i]` is the source offset of `text[i]`; one extra entry for the end. */
  readonly origins: readonly number[];
}

/** Wraps untouched source text. */
export function mapText(text: string): MappedText {
  const origins = Array.from({ length: text.length + 1 }, (_, i) => i);
  return { text, origins };
}

/**
 * Replaces every match of a regular expression. The part of a replacement
 * that repeats the start of the match (or all of it, when lengths agree)
 * keeps a one-to-one mapping; the rest points where the two part ways.
 */
export function replaceMapped(
  source: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): MappedText {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  const parts: string[] = [];
  const origins: number[] = [];
  let last = 0;
  for (let m = re.exec(source.text); m !== null; m = re.exec(source.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    copy(source, last, m.index, parts, origins);
    const replacement = replace(m);
    const kept = keptLength(m[0], replacement);
    for (let i = 0; i < replacement.length; i++) {
      origins.push(source.origins[m.index + Math.min(i, kept)] ?? 0);
    }
    parts.push(replacement);
    last = m.index + m[0].length;
  }
  copy(source, last, source.text.length, parts, origins);
  origins.push(source.origins[source.text.length] ?? source.text.length);
  return { text: parts.join(''), origins };
}

/** Drops the first `count` characters. */
export function dropStart(source: MappedText, count: number): MappedText {
  return { text: source.text.slice(count), origins: source.origins.slice(count) };
}

/** Appends text that has no source of its own; it maps to the end of the source. */
export function appendMapped(source: MappedText, suffix: string): MappedText {
  const end = source.origins[source.text.length] ?? source.text.length;
  const origins = [...source.origins.slice(0, source.text.length)];
  for (let i = 0; i <= suffix.length; i++) origins.push(end);
  return { text: source.text + suffix, origins };
}

function keptLength(match: string, replacement: string): number {
  if (match.length === replacement.length) return match.length;
  let i = 0;
  while (i < match.length && i < replacement.length && match[i] === replacement[i]) i++;
  return i;
}

function copy(
  source: MappedText,
  from: number,
  to: number,
  parts: string[],
  origins: number[],
): void {
  parts.push(source.text.slice(from, to));
  for (let i = from; i < to; i++) origins.push(source.origins[i] ?? i);
}
