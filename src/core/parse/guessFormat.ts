/**
 * Whether pasted or typed text is a Mermaid flowchart or a Flowdeck spec,
 * when there is no file name to go by: Mermaid if its first line that is not
 * blank, a `%%` comment or `---` front matter starts with `flowchart` or
 * `graph`; a spec otherwise.
 *
 * @example guessFormat('%% k8s\nflowchart LR\n  A --> B') // 'mermaid'
 */
export function guessFormat(text: string): 'mermaid' | 'yaml' {
  // Line by line from the top, never splitting the whole text: the editor
  // asks on every keystroke, whatever the size of what was pasted.
  let at = 0;
  const next = (): string | undefined => {
    if (at > text.length) return undefined;
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length + 1 : end + 1;
    return line;
  };
  let line = next();
  // Mermaid's front matter (--- … ---) may come first.
  if (line?.trim() === '---') {
    do line = next();
    while (line !== undefined && line.trim() !== '---');
    if (line === undefined) return 'yaml';
    line = next();
  }
  for (; line !== undefined; line = next()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    return /^(flowchart|graph)\b/i.test(trimmed) ? 'mermaid' : 'yaml';
  }
  return 'yaml';
}
