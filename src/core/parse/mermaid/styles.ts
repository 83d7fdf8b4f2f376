import type { Style } from '../../model/types.ts';

/** Style declarations, read. */
export interface ReadStyle {
  style: Style;
  /** Declarations we do not draw (`font-weight:bold`), as written. */
  ignored: string[];
}

/**
 * Reads Mermaid style declarations (`fill:#f9f`, `stroke-width:4px`) into a
 * Style. Later declarations win, like CSS.
 *
 * @example toStyle(['fill:#f9f', 'stroke-width:4px']).style // { fill: '#f9f', strokeWidth: 4 }
 */
export function toStyle(declarations: readonly string[]): ReadStyle {
  const style: Style = {};
  const ignored: string[] = [];
  for (const declaration of declarations) {
    const text = declaration.trim();
    if (text === '') continue;
    const colon = text.indexOf(':');
    const property = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
    const value = (colon < 0 ? '' : text.slice(colon + 1)).replace(/\s*!important\s*$/i, '').trim();
    if (value === '' || !apply(style, property, value)) ignored.push(text);
  }
  return { style, ignored };
}

function apply(style: Style, property: string, value: string): boolean {
  switch (property) {
    case 'fill':
      style.fill = value;
      return true;
    case 'stroke':
      style.stroke = value;
      return true;
    case 'color':
      style.color = value;
      return true;
    case 'stroke-dasharray':
      style.strokeDasharray = value;
      return true;
    case 'stroke-width': {
      const width = /^(\d+(?:\.\d+)?|\.\d+)(px)?$/.exec(value);
      if (!width) return false;
      style.strokeWidth = Number(width[1]);
      return true;
    }
    default:
      return false;
  }
}

/** `b` drawn over `a`. */
export function mergeStyles(a: Style, b: Style): Style {
  return { ...a, ...b };
}
