/**
 * A room's answers as a spreadsheet: one row per question and node, UTF-8 with
 * a byte-order mark (so Excel reads Korean), commas, CRLF. Node ids and
 * prompts come from diagram files and clients, so every cell is quoted as
 * CSV needs and a cell a spreadsheet would run as a formula is defused.
 */
import type { Cue } from './protocol.ts';
import type { QuestionResult } from './room.ts';

export const CSV_COLUMNS = [
  'Question',
  'Prompt',
  'Asked on',
  'Node',
  'Chose it',
  'Answered',
  'Connected at reveal',
  'Expected',
  'Revealed',
] as const;

/** Where a question was asked, as a person reads it: `diagram › flow › step 3`. */
export function cueText(cue: Cue): string {
  if (cue.kind === 'deck') return `${cue.deck} › slide ${cue.slide}`;
  return cue.flow === undefined ? cue.diagram : `${cue.diagram} › ${cue.flow} › step ${cue.step}`;
}

/** One cell: `=1+1` stays text (a leading quote), and quotes, commas and line breaks are quoted. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Per question, a row for each node chosen (most chosen first) and for each
 * expected node no one chose; a question without answers still has a row.
 */
export function resultsCsv(results: readonly QuestionResult[]): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const { question, counts, answered, connectedAtReveal } of results) {
    const expected = question.expected ?? [];
    const nodes = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
    for (const node of expected) if (!nodes.includes(node)) nodes.push(node);
    const revealed = question.state === 'revealed';
    for (const node of nodes.length > 0 ? nodes : ['']) {
      rows.push([
        question.id,
        question.prompt ?? '',
        cueText(question.cue),
        node,
        node ? (counts[node] ?? 0) : '',
        answered,
        connectedAtReveal ?? '',
        revealed && node ? (expected.includes(node) ? 'yes' : 'no') : '',
        revealed ? 'yes' : 'no',
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
