import { parse as parseYaml } from 'yaml';
import { guessFormat } from './guessFormat.ts';
import { preprocess } from './mermaid/preprocess.ts';

/*
 * A diagram's title without parsing the whole diagram: the drafts list asks
 * for every draft, on the main thread, and a half-typed draft whose YAML
 * breaks further down still has the title it was given at the top.
 */

/**
 * The title a diagram's text gives itself, as the parser reads it: a spec's
 * top-level `title:`, else the title of the chart under its `mermaid:`; a
 * Mermaid chart's front matter `title:`, else its `accTitle:`. Undefined when
 * the text names none (the parser then falls back to the file name).
 *
 * @example
 * readTitle('title: 3계층 웹 애플리케이션\nnodes:\n  web: Web'); // '3계층 웹 애플리케이션'
 * readTitle('flowchart LR\naccTitle: CRI\nA --> B'); // 'CRI'
 * readTitle('flowchart LR\nA --> B'); // undefined
 */
export function readTitle(text: string): string | undefined {
  const title = guessFormat(text) === 'mermaid' ? mermaidTitle(text) : specTitle(text);
  return title?.trim() ? title : undefined;
}

function mermaidTitle(text: string): string | undefined {
  // Front matter, directives and comments come off as the importer takes them off.
  const { title, text: body } = preprocess(text);
  if (title !== undefined) return title;
  // The last accTitle wins, as in the importer.
  let acc: string | undefined;
  for (const match of body.text.matchAll(/(?:^|;)[^\S\n]*accTitle\s*:[^\S\n]*([^\n]*)/gm)) {
    acc = match[1]?.trim();
  }
  return acc;
}

function specTitle(text: string): string | undefined {
  const title = topLevelValue(text, 'title');
  if (typeof title === 'string') return title.replace(/\s+$/u, '');
  const chart = topLevelValue(text, 'mermaid');
  return typeof chart === 'string' ? mermaidTitle(chart) : undefined;
}

/**
 * The value of a top-level key of a YAML mapping, read from its own lines
 * only: the key's line and the indented (or blank) lines after it.
 */
function topLevelValue(text: string, key: string): unknown {
  const start = new RegExp(`^(?:${key}|"${key}"|'${key}')[^\\S\\n]*:(?=\\s|$)`, 'm').exec(text);
  if (!start) return undefined;
  // Up to the next line that starts at the left edge: the next top-level key.
  const next = /\n(?=\S)/g;
  next.lastIndex = start.index + start[0].length;
  const end = next.exec(text)?.index ?? text.length;
  try {
    const data: unknown = parseYaml(text.slice(start.index, end), { logLevel: 'silent' });
    return data !== null && typeof data === 'object'
      ? (data as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}
