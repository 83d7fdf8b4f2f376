import { titleWalkthroughs } from '../animate/defaultFlow.ts';
import {
  type Outline,
  type OutlineLink,
  type OutlineNode,
  type OutlineSource,
  type OutlineStep,
  outline,
} from './outline.ts';
import type { Words } from './words.ts';

/**
 * Text as Markdown that shows it literally, anywhere in a line: every
 * character that could start markup (emphasis, code, links, HTML, entities,
 * tables, strikethrough) is backslash-escaped. Brackets are, so "(" and "!"
 * start no link. Expects one line (`oneLine()`).
 *
 * @example escapeInline('*foo* <script>') // '\\*foo\\* \\<script\\>'
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}

/**
 * Text as Markdown that shows it literally where a block starts (a list
 * item, a paragraph): `escapeInline()`, and a start that would make a list
 * ("- ", "+ ", "1. ", "1) ") escaped too.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(/^([-+=]|\d+(?=[.)]))/, (lead) =>
    /^\d/.test(lead) ? `${lead}\\` : `\\${lead}`,
  );
}

/** How text is written into a line: as it is (HTML, a screen reader), or escaped (Markdown). */
export interface Escape {
  /** Text that starts a line or block. */
  start: (text: string) => string;
  /** Text anywhere after. */
  inline: (text: string) => string;
}

const AS_IS = (text: string) => text;
export const PLAIN: Escape = { start: AS_IS, inline: AS_IS };
export const MARKDOWN: Escape = { start: escapeMarkdown, inline: escapeInline };

/** A node's line: its label, a group's size, its description. */
export function nodeLine(node: OutlineNode, words: Words, escape = PLAIN): string {
  const size = node.holds === undefined ? '' : ` (${escape.inline(words.group(node.holds))})`;
  const description = node.description ? ` — ${escape.inline(node.description)}` : '';
  return `${escape.start(node.label)}${size}${description}`;
}

/** An edge's line, from its source: "→ API Server (HTTPS)", "→ kubelet, in Node 2 (watch)". */
export function linkLine(link: OutlineLink, words: Words, escape = PLAIN): string {
  const group = link.toGroup ? escape.inline(`${words.comma}${words.inGroup(link.toGroup)}`) : '';
  const label = link.label ? ` (${escape.inline(link.label)})` : '';
  return `${link.arrow} ${escape.inline(link.toLabel)}${group}${label}`;
}

/** Names in order, each once, one said several times counted: "kubelet ×3". */
export function countedNames(names: readonly string[], words: Words): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ${words.times(count)}` : name));
}

/** What a step does, one line per kind: "Lights: kubectl, API Server". */
export function stepLines(step: OutlineStep, words: Words, escape = PLAIN): string[] {
  const lines: string[] = [];
  const say = (word: string, names: readonly string[]) => {
    if (names.length === 0) return;
    const list = countedNames(names, words).map(escape.inline).join(words.comma);
    lines.push(`${escape.start(word)}: ${list}`);
  };
  say(words.lights, step.lit);
  say(words.shows, step.shown);
  say(words.hides, step.hidden);
  say(words.fails, step.failed);
  say(words.heals, step.healed);
  return lines;
}

/** A step's caption, or "Step n" for one without. */
export function stepTitle(step: OutlineStep, words: Words): string {
  return step.caption || words.step(step.number);
}

/**
 * The outline as Markdown for a course page or alt text: the title and
 * description, the groups and nodes as nested bullets (each node's edges
 * under it), then each flow as a numbered list of steps with what each
 * does. Every label is escaped, so none becomes markup.
 */
export function outlineMarkdown(outline: Outline, words: Words): string {
  const out: string[] = [`# ${escapeInline(outline.title)}`, ''];
  if (outline.description) out.push(escapeMarkdown(outline.description), '');
  out.push(`## ${escapeInline(words.parts)}`, '');
  const visit = (node: OutlineNode, indent: string) => {
    out.push(`${indent}- ${nodeLine(node, words, MARKDOWN)}`);
    for (const link of node.links) out.push(`${indent}  - ${linkLine(link, words, MARKDOWN)}`);
    for (const child of node.children) visit(child, `${indent}  `);
  };
  for (const node of outline.nodes) visit(node, '');
  if (outline.flows.length > 0) out.push('', `## ${escapeInline(words.flows)}`);
  for (const flow of outline.flows) {
    out.push('', `### ${escapeInline(flow.title)}`, '');
    if (flow.description) out.push(escapeMarkdown(flow.description), '');
    for (const step of flow.steps) {
      const marker = `${step.number}. `;
      const pad = ' '.repeat(marker.length);
      out.push(`${marker}${escapeMarkdown(stepTitle(step, words))}`);
      for (const line of stepLines(step, words, MARKDOWN)) out.push(`${pad}- ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A diagram's Outline as Markdown in `words`' language, a plain
 * chart's untitled walkthrough named in it too: what `flowdeck export
 * --format md` and the app's Export menu write.
 */
export function diagramMarkdown(diagram: OutlineSource, words: Words): string {
  return outlineMarkdown(outline(titleWalkthroughs(diagram, words.walkthrough)), words);
}
