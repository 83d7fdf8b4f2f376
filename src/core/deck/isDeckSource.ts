// No imports on purpose: the app's first screen and the CLI use this to tell
// decks from diagram specs without loading a YAML parser.

// A `deck:` key at column 0 (plain or quoted) is a key of the top-level map:
// anything nested, or inside a block scalar, is indented.
const TOP_LEVEL_DECK_KEY = /^(?:\uFEFF)?(?:deck|"deck"|'deck')[ \t]*:(?:[ \t\r]|$)/m;

/**
 * Whether YAML text is a lesson deck rather than a diagram spec: true when it
 * has a top-level `deck:` key. A quick look at the lines, not a parse; a
 * flow-style top level (`{ deck: [...] }`) is not recognised.
 *
 * @example isDeckSource('title: Part 1\ndeck:\n  - cri-chain\n') // true
 */
export function isDeckSource(text: string): boolean {
  return TOP_LEVEL_DECK_KEY.test(text);
}
