import { decodeEntities } from './entities.ts';

/**
 * How Mermaid reads a label: plain text, a quoted string, or a markdown
 * string ("`…`"). Only markdown interprets `**bold**`; only the others turn
 * a literal `\n` into a line break.
 */
export type LabelKind = 'text' | 'string' | 'markdown';

/** A label as the reader sees it. */
export interface PlainLabel {
  /** What the reader sees: lines joined by '\n', no markup, no icons. */
  text: string;
  /** Things in the label we cannot show as Mermaid would (become warnings). */
  notes: string[];
  /** Icons written in the label (`fa:fa-car`), as Mermaid names them (`fa:car`), in order. */
  icons: string[];
}

/** Mermaid's own pattern for an icon in a label (`fa:fa-car`, `fab:fa-github`), from its createText. */
const LABEL_ICON = /(fa[bklrs]?):fa-([\w-]+)/g;

/** Tags that only format text; anything else in a label has content we drop. */
const FORMATTING_TAGS = new Set(
  'a abbr b big br center cite code del div em font i ins kbd label mark p pre q s samp small span strike strong sub sup tt u var'.split(
    ' ',
  ),
);

/**
 * The visible text of a Mermaid label.
 *
 * @example toPlainLabel('A<br/>**b** #quot;c#quot;', 'text').text // 'A\n**b** "c"'
 * @example toPlainLabel('The **cat**\n  in the hat', 'markdown').text // 'The cat\nin the hat'
 * @example toPlainLabel('fa:fa-car Car', 'text') // { text: 'Car', notes: [], icons: ['fa:car'] }
 */
export function toPlainLabel(raw: string, kind: LabelKind): PlainLabel {
  const notes: string[] = [];
  let text = kind === 'markdown' ? markdownToPlain(raw) : raw.replace(/\\n/g, '\n');
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = stripTags(text, notes);
  text = decodeEntities(text, (ref) =>
    notes.push(`Unknown character reference ${ref} is shown as text.`),
  );
  // Mermaid draws these as icons, wherever they are in the words.
  const icons: string[] = [];
  text = text.replace(LABEL_ICON, (_, pack: string, name: string) => {
    icons.push(`${pack}:${name}`);
    return '';
  });
  let lines = text.split('\n').map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim());
  if (kind === 'markdown') lines = lines.filter((line) => line !== '');
  text = lines.join('\n').replace(/^\n+|\n+$/g, '');
  if (/\$\$[\s\S]+?\$\$/.test(text)) notes.push('Math ($$…$$) is shown as its source text.');
  return { text, notes, icons };
}

/** Mermaid's markdown strings: one line per source line, emphasis marks dropped. */
function markdownToPlain(raw: string): string {
  const text = raw
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

function stripTags(text: string, notes: string[]): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (_, tag: string) => {
      notes.push(`HTML <${tag.toLowerCase()}> in a label is dropped.`);
      return '';
    })
    .replace(/<\/?([A-Za-z][\w:-]*)(\s[^<>]*)?\/?>/g, (_, tag: string) => {
      const name = tag.toLowerCase();
      if (!FORMATTING_TAGS.has(name)) notes.push(`HTML <${name}> in a label is dropped.`);
      return '';
    });
}
