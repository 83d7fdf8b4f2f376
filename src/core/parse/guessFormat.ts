/**
 * Whether pasted or typed text is a Mermaid flowchart or a Flowdeck spec,
 * when there is no file name to go by: Mermaid if its first line that is not
 * blank, a `%%` comment or `---` front matter starts with `flowchart` or
 * `graph`; a spec otherwise.
 *
 * @example guessFormat('%% k8s\nflowchart LR\n  A --> B') // 'mermaid'
 */
export function guessFormat(text: string): 'mermaid' | 'yaml' {
  const lines = text.split(/\r?\n/);
  let i = 0;
  // Mermaid's front matter (--- … ---) may come first.
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((line, n) => n > 0 && line.trim() === '---') + 1;
    if (i === 0) return 'yaml';
  }
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('%%')) continue;
    return /^(flowchart|graph)\b/i.test(line) ? 'mermaid' : 'yaml';
  }
  return 'yaml';
}
