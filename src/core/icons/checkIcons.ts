import type { Diagnostic, ModelNode, SourcePos } from '../model/types.ts';
import { iconPrefix, isIconName } from './iconName.ts';
import { BUNDLED_ICON_SETS } from './sets.ts';
import { closestIcons } from './suggest.ts';

export interface CheckIconsInput {
  nodes: readonly Pick<ModelNode, 'icon' | 'pos'>[];
  /** The names (`prefix:name`) of the bundled sets the nodes use, by prefix. */
  names: ReadonlyMap<string, readonly string[]>;
  /** Every bundled set's prefix. Default: `BUNDLED_ICON_SETS`. */
  sets?: readonly string[];
  /** The source text, to point at the icon's own line and column. */
  text?: string;
  file?: string;
}

/**
 * A warning for each icon a diagram names that no bundled set has, at the
 * icon's line and column (the node's when the text does not show it), with
 * the closest names; or, for a set not bundled, which sets are. Names that
 * are not icon names at all are the parser's to report. The node still
 * draws, without its icon.
 *
 * @example checkIcons({ nodes, names, text, file }) // [{ message: 'unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)', … }]
 */
export function checkIcons(input: CheckIconsInput): Diagnostic[] {
  const known = new Map<string, Set<string>>();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const sets = input.sets ?? BUNDLED_ICON_SETS;
  for (const node of input.nodes) {
    const name = node.icon;
    if (!isIconName(name)) continue;
    const prefix = iconPrefix(name);
    const names = sets.includes(prefix) ? (input.names.get(prefix) ?? []) : undefined;
    let set = known.get(prefix);
    if (names && !set) {
      set = new Set(names);
      known.set(prefix, set);
    }
    if (set?.has(name)) continue;
    const pos = locate(input.text, node.pos, name);
    const key = `${pos.line}:${pos.col}:${name}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const diagnostic: Diagnostic = {
      severity: 'warning',
      message: names ? unknownIcon(name, names) : unknownSet(name, sets),
      line: pos.line,
      col: pos.col,
    };
    if (input.file !== undefined) diagnostic.file = input.file;
    const best = names ? closestIcons(name, names, 1)[0] : undefined;
    if (best) diagnostic.suggestion = best;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
}

function unknownIcon(name: string, names: readonly string[]): string {
  const close = closestIcons(name, names);
  const hint =
    close.length > 0 ? ` (did you mean ${close.map((n) => `"${n}"`).join(' or ')}?)` : '';
  return `unknown icon "${name}"${hint}`;
}

function unknownSet(name: string, sets: readonly string[]): string {
  const list = [...sets].sort().join(', ');
  return `unknown icon set "${iconPrefix(name)}" in "${name}" (the bundled sets are ${list})`;
}

/** How far after a node's own line its icon can be written (a spec's nested keys). */
const LOOK_AHEAD = 40;

/** Where `name` is written at or after the node's position, else the node's position. */
function locate(text: string | undefined, from: SourcePos | undefined, name: string): SourcePos {
  const start = from ?? { line: 1, col: 1 };
  if (text === undefined || from === undefined) return start;
  const lines = text.split('\n', from.line + LOOK_AHEAD);
  for (let i = from.line - 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const col = line.indexOf(name, i === from.line - 1 ? from.col - 1 : 0);
    if (col >= 0 && !/[a-z0-9-]/.test(line[col + name.length] ?? ''))
      return { line: i + 1, col: col + 1 };
  }
  return start;
}
