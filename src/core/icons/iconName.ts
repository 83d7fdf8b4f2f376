/**
 * What an icon name may look like, before anyone asks whether a set has it:
 * `prefix:name`, lowercase letters and digits with single hyphens on each
 * side of the colon, 64 characters at most (every name in the bundled sets
 * fits). A diagram's author writes it, so anything else (a URL, a script,
 * markup, 10 KB of text) is refused here and never reaches a renderer.
 */

/** The longest icon name, in characters. */
export const ICON_NAME_MAX = 64;

/** The sizes an icon may be drawn at, in px (its height). */
export const ICON_SIZE = { min: 8, max: 256 } as const;

const WORD = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ICON_NAME = new RegExp(`^${WORD}:${WORD}$`);
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|javascript:|data:|vbscript:|file:)|[/\\<>"']/i;

/**
 * Why `name` is not an icon name, or undefined when it is one (it may still
 * be missing from the sets; that is the catalog's to say).
 *
 * @example iconNameProblem('logos:kubernetes') // undefined
 * @example iconNameProblem('database') // 'it has no set: write `set:name`, as `mdi:database`'
 */
export function iconNameProblem(name: string): string | undefined {
  if (name.length > ICON_NAME_MAX) {
    return `it is ${name.length} characters long; an icon name has at most ${ICON_NAME_MAX}`;
  }
  if (URL_LIKE.test(name)) {
    return 'icons are names from the bundled sets (`logos:kubernetes`), never URLs or markup';
  }
  if (ICON_NAME.test(name)) return undefined;
  if (!name.includes(':')) {
    const example = /^[a-z0-9-]+$/.test(name) ? `mdi:${name}` : 'mdi:database';
    return `it has no set: write \`set:name\`, as \`${example}\``;
  }
  return 'write lowercase letters, digits and single hyphens on each side of the `:`, as `logos:kubernetes`';
}

/**
 * The warning for a value that is no icon name, quoted so that any text
 * (line breaks, markup, a huge paste) reads as text, cut to 40 characters.
 * Undefined for a good name.
 *
 * @example iconNameWarning('javascript:alert(1)')
 *   // '"javascript:alert(1)" is not an icon name: icons are names … ; drawn without an icon'
 */
export function iconNameWarning(name: string): string | undefined {
  const problem = iconNameProblem(name);
  if (problem === undefined) return undefined;
  const cut = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  // Invisible and direction-changing characters would make the message lie about the text.
  const shown = JSON.stringify(cut).replace(
    INVISIBLE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${shown} is not an icon name: ${problem}; drawn without an icon`;
}

/**
 * Whether `value` is an icon name (see `iconNameProblem`): what every
 * renderer checks before a name reaches markup.
 *
 * @example isIconName('logos:kubernetes') // true
 */
export function isIconName(value: unknown): value is string {
  return typeof value === 'string' && iconNameProblem(value) === undefined;
}

/** The set's prefix of an icon name (`logos` of `logos:kubernetes`). */
export function iconPrefix(name: string): string {
  return name.slice(0, Math.max(0, name.indexOf(':')));
}

/** The name inside its set (`kubernetes` of `logos:kubernetes`). */
export function iconLocalName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
