/**
 * The code editor's look, in the app's palette (`palette.css`) only: every
 * colour is a `var(--fd-…)`, so the light, dark and contrast themes apply
 * without telling CodeMirror which one is on. Token colours are the palette's
 * inks, which meet WCAG AA on `--fd-surface`.
 */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

// Pretendard last: Hangul falls back to the app's own font, not to boxes on a machine without CJK fonts.
const MONO =
  "ui-monospace, 'SF Mono', SFMono-Regular, 'Cascadia Mono', 'Segoe UI Mono', 'Roboto Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace, Pretendard";

const tint = (color: string, share: number) =>
  `color-mix(in srgb, ${color} ${share}%, transparent)`;

export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--fd-ink)',
    backgroundColor: 'var(--fd-surface)',
    fontSize: '14px',
  },
  // Phones zoom into text smaller than 16px when it gets focus.
  // (style-mod nests plain selectors in an at-rule, not `&`.)
  '@media (pointer: coarse)': { '.cm-scroller, .cm-tooltip': { fontSize: '16px' } },
  '&.cm-focused': {
    outline: 'var(--fd-focus-width) solid var(--fd-focus)',
    outlineOffset: 'calc(-1 * var(--fd-focus-width))',
  },
  '.cm-scroller': { fontFamily: MONO, lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--fd-ink)', padding: '6px 0' },
  '.cm-line': { padding: '0 8px 0 6px' },
  '.cm-cursor, .cm-dropCursor': { borderLeft: '2px solid var(--fd-ink)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--fd-selected-halo)' },
  '.cm-activeLine': { backgroundColor: tint('var(--fd-accent)', 6) },
  '.cm-selectionMatch': { backgroundColor: tint('var(--fd-accent)', 16) },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: tint('var(--fd-accent)', 22),
    outline: `1px solid ${tint('var(--fd-accent)', 60)}`,
  },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: tint('var(--fd-danger)', 25) },
  '.cm-gutters': {
    color: 'var(--fd-muted)',
    backgroundColor: 'var(--fd-surface-2)',
    borderRight: '1px solid var(--fd-border)',
  },
  '.cm-activeLineGutter': { color: 'var(--fd-ink)', backgroundColor: tint('var(--fd-accent)', 12) },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 6px 0 8px', minWidth: '2ch' },

  // Validation: errors a red wavy line, warnings a dashed one (not colour alone).
  '.cm-lintRange': { backgroundImage: 'none', paddingBottom: '0' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--fd-danger)',
    textDecorationThickness: '1.5px',
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
  },
  '.cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint': {
    backgroundImage: 'none',
    textDecoration: 'underline dashed var(--fd-active)',
    textDecorationThickness: '1.5px',
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
  },
  '.cm-lintRange-active': { backgroundColor: tint('var(--fd-danger)', 14) },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--fd-danger)' },
  '.cm-lintPoint-warning:after': { borderBottomColor: 'var(--fd-active)' },
  '.cm-diagnostic': { padding: '4px 10px 4px 8px', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--fd-danger)' },
  '.cm-diagnostic-warning': { borderLeft: '4px dashed var(--fd-active)' },
  '.cm-tooltip-lint': { maxWidth: 'min(32rem, calc(100vw - 16px))' },

  // Tooltips, completion, panels (search).
  '.cm-tooltip': {
    color: 'var(--fd-ink)',
    backgroundColor: 'var(--fd-surface)',
    border: '1px solid var(--fd-border-strong)',
    borderRadius: '6px',
    boxShadow: '0 4px 16px var(--fd-shadow)',
  },
  '.cm-tooltip-autocomplete > ul': { fontFamily: MONO, maxHeight: '14em' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    color: 'var(--fd-accent-ink)',
    backgroundColor: 'var(--fd-accent)',
  },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.8' },
  '.cm-completionInfo': { padding: '6px 10px', maxWidth: 'min(24rem, 60vw)' },
  '.cm-completionIcon': { opacity: '0.75' },
  '.cm-panels': { color: 'var(--fd-ink)', backgroundColor: 'var(--fd-surface-2)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--fd-border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--fd-border)' },
  '.cm-textfield': {
    color: 'var(--fd-ink)',
    backgroundColor: 'var(--fd-surface)',
    border: '1px solid var(--fd-border-strong)',
    borderRadius: '4px',
  },
  '.cm-button': {
    color: 'var(--fd-ink)',
    backgroundImage: 'none',
    backgroundColor: 'var(--fd-surface)',
    border: '1px solid var(--fd-border-strong)',
    borderRadius: '4px',
  },
  '.cm-panel.cm-search label': { fontSize: '90%' },
  '.cm-searchMatch': {
    backgroundColor: tint('var(--fd-active)', 22),
    outline: `1px solid ${tint('var(--fd-active)', 70)}`,
  },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: tint('var(--fd-active)', 45) },
  '.cm-foldPlaceholder': {
    color: 'var(--fd-muted)',
    backgroundColor: 'var(--fd-surface-2)',
    border: '1px solid var(--fd-border)',
  },
});

/** Token colours: YAML keys and Mermaid keywords in blue, labels green, links warm. */
export const editorHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.definitionKeyword], color: 'var(--fd-accent)', fontWeight: '600' },
  { tag: [t.definition(t.propertyName), t.propertyName], color: 'var(--fd-group-0-ink)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--fd-group-1-ink)' },
  { tag: [t.atom, t.bool, t.null, t.number], color: 'var(--fd-group-3-ink)' },
  { tag: [t.className, t.typeName, t.labelName], color: 'var(--fd-group-2-ink)' },
  { tag: t.definition(t.variableName), fontWeight: '600' },
  { tag: t.operator, color: 'var(--fd-active)', fontWeight: '600' },
  { tag: [t.comment, t.lineComment], color: 'var(--fd-muted)', fontStyle: 'italic' },
  { tag: [t.meta, t.separator, t.punctuation, t.bracket], color: 'var(--fd-muted)' },
  { tag: t.invalid, color: 'var(--fd-danger)' },
]);
