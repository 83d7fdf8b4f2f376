/** The longest icon name, prefix and colon included. */
export const MAX_ICON_NAME = 64;

const PART = '[a-z0-9]+(?:-[a-z0-9]+)*';
const NAME = new RegExp(`^${PART}:${PART}$`);

/**
 * Whether `value` is an icon name: `prefix:name`, each side lowercase
 * letters and digits in words joined by single hyphens, 64 characters at
 * most. Anything else (a URL, `javascript:`, markup, a huge string) is not
 * one: it gets a warning and no icon, and never reaches markup.
 *
 * @example isIconName('logos:kubernetes') // true
 */
export function isIconName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ICON_NAME && NAME.test(value);
}

/** The set's prefix of an icon name (`logos` of `logos:kubernetes`). */
export function iconPrefix(name: string): string {
  return name.slice(0, Math.max(0, name.indexOf(':')));
}

/** The name inside its set (`kubernetes` of `logos:kubernetes`). */
export function iconLocalName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
