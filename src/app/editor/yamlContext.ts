/**
 * Where in a YAML spec the cursor is, read from indentation alone, so it
 * works on the half-typed text an editor holds (which a YAML parser would
 * reject). Enough for completion: the path of maps and lists around the
 * cursor, and whether a key or a value is being typed.
 */

/** Map keys and list positions, outermost first; list positions are always 0. */
export type YamlPath = (string | number)[];

export interface YamlContext {
  /**
   * `key`: a key of the map at `path`. `value`: the value at `path` (its
   * last segment is the key, or 0 for a list item). `keyOrValue`: a list
   * item just begun (`- ap`), which may become a map or stay a value.
   */
  slot: 'key' | 'value' | 'keyOrValue';
  path: YamlPath;
  /** The text typed so far in this slot (for a value, from its start). */
  typed: string;
}

// `  - - key:` — indentation, list dashes, and a key ended by `:` and a space or the line's end.
const LINE = /^( *)((?:- +)*)(?:("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[][^#]*?) *:(?= |$))?/;
const WORD = /^[\p{L}\p{N}_.-]*$/u;

function unquote(key: string): string {
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** The keys and list items that enclose column `limit` on the line after `lines`. */
function ancestors(lines: readonly string[], limit: number): YamlPath {
  const path: YamlPath = [];
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i] ?? '';
    if (/^\s*(?:#|$)|^(?:---|\.\.\.)(?:\s|$)/.test(text)) continue;
    const m = LINE.exec(text);
    if (!m) continue;
    const indent = m[1]?.length ?? 0;
    if (indent >= limit) continue;
    const dashes = m[2] ?? '';
    const key = m[3];
    const keyCol = indent + dashes.length;
    if (key !== undefined && keyCol < limit) {
      path.unshift(unquote(key));
      limit = keyCol;
    }
    // Each `- ` before the key (right to left) is a list level around it.
    const dashCols = [...dashes.matchAll(/- +/g)].map((d) => indent + (d.index ?? 0));
    for (const col of dashCols.reverse()) {
      if (col < limit) {
        path.unshift(0);
        limit = col;
      }
    }
    // A line of other content less indented (a wrapped scalar) encloses nothing.
    if (key === undefined && dashCols.length === 0) limit = Math.min(limit, indent);
  }
  return path;
}

/**
 * Inside a flow collection (`{ fill: re`, `[api, et`): the path into it and
 * the slot, from the text after the key's `:`.
 */
function flowContext(text: string, base: YamlPath): YamlContext | null {
  const frames: { close: '}' | ']'; path: YamlPath }[] = [];
  let entry = '';
  let path = base;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return null; // inside a string
      entry += text.slice(i, end + 1);
      i = end;
    } else if (ch === '{' || ch === '[') {
      const key = /^\s*([^:]+?)\s*:\s*$/.exec(entry)?.[1];
      const inner = key !== undefined ? [...path, unquote(key)] : path;
      frames.push({ close: ch === '{' ? '}' : ']', path });
      path = ch === '[' ? [...inner, 0] : inner;
      entry = '';
    } else if (ch === '}' || ch === ']') {
      path = frames.pop()?.path ?? base;
      entry = '';
    } else if (ch === ',') {
      entry = '';
    } else if (ch === '#' && /\s$/.test(text.slice(0, i))) {
      return null; // a comment
    } else {
      entry += ch;
    }
  }
  const top = frames.at(-1);
  if (!top) return null;
  if (top.close === ']') return { slot: 'value', path, typed: entry.trimStart() };
  const pair = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(entry);
  if (pair) return { slot: 'value', path: [...path, unquote(pair[1] ?? '')], typed: pair[2] ?? '' };
  return { slot: 'key', path, typed: entry.trimStart() };
}

/**
 * The completion context at the end of `before` (the cursor's line up to the
 * cursor), with `lines` the lines above it. Null inside comments and strings.
 *
 * @example yamlContextAt(['nodes:', '  api:'], '    sha') // { slot: 'key', path: ['nodes', 'api'], typed: 'sha' }
 */
export function yamlContextAt(lines: readonly string[], before: string): YamlContext | null {
  const m = /^( *)((?:- +)*)(.*)$/.exec(before);
  if (!m) return null;
  const indent = m[1]?.length ?? 0;
  const dashes = m[2] ?? '';
  const rest = m[3] ?? '';
  const path = ancestors(lines, indent);
  for (const _ of dashes.matchAll(/- +/g)) path.push(0);

  if (WORD.test(rest)) return { slot: dashes ? 'keyOrValue' : 'key', path, typed: rest };
  const pair = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[][^#]*?) *: +(.*)$/.exec(rest);
  if (!pair) {
    // A list item being written that is no key yet: `- api -> et`.
    if (dashes && !/[#:"'{[]/.test(rest)) return { slot: 'value', path, typed: rest };
    return null;
  }
  const key = unquote(pair[1] ?? '');
  const value = pair[2] ?? '';
  if (/^[{[]/.test(value)) return flowContext(value, [...path, key]);
  if (/^["'|>&*!]|\s#/.test(value)) return null;
  return { slot: 'value', path: [...path, key], typed: value };
}
