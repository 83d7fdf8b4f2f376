/**
 * The CodeMirror 6 editor behind `<CodeEditor>`, as a controller: created on
 * a DOM element, then `update(props)` with each render's props, which does
 * only what changed (a new text, new diagnostics, another language), and
 * `destroy()`.
 *
 * Keyboard: the default keymap, undo history, search (Mod-f), completion
 * (Ctrl-Space), lint (Mod-Shift-m lists problems, F8 goes to the next). Tab
 * indents; to leave the editor with the keyboard press Escape and then Tab
 * (or Ctrl-m, Shift-Alt-m on macOS, to make Tab move focus until pressed
 * again), CodeMirror's convention against a focus trap.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import {
  Annotation,
  Compartment,
  EditorState,
  type Extension,
  type StateEffect,
} from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Diagnostic } from '../../core/model/types.ts';
import { bundledIcons, bundledPrefixes } from '../icons/bundledIcons.ts';
import { completesFurther, mermaidCompletionSource, specCompletionSource } from './completion.ts';
import { editorHighlight, editorTheme } from './editorTheme.ts';
import { iconCompletesFurther, iconCompletionSource } from './iconCompletion.ts';
import { toLintDiagnostics } from './lintDiagnostics.ts';
import { mermaidLanguage } from './mermaidLanguage.ts';

export interface CodeEditorProps {
  /** The text. Pass back what `onChange` gave: a different string replaces the editor's. */
  value: string;
  onChange(text: string): void;
  language: 'yaml' | 'mermaid';
  /** Shown underlined at their line and column, with the message on hover. */
  diagnostics: readonly Diagnostic[];
  /** The current model's node ids, offered by completion. */
  nodeIds: readonly string[];
  ariaLabel: string;
  readOnly?: boolean | undefined;
}

export interface CodeEditorController {
  update(props: CodeEditorProps): void;
  focus(): void;
  destroy(): void;
  readonly view: EditorView;
}

/** Marks the editor's own replacements of its text, which are not reported back as changes. */
const fromProps = Annotation.define<true>();

/** The smallest change turning `from` into `to`, so the cursor and undo history keep their places. */
function diff(from: string, to: string): { from: number; to: number; insert: string } {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

/** Equal lists (a caller may build a new array each render): no need to redraw the lint marks. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((d, i) => {
        const e = b[i];
        return (
          d === e ||
          (e !== undefined &&
            d.line === e.line &&
            d.col === e.col &&
            d.severity === e.severity &&
            d.message === e.message)
        );
      }))
  );
}

export function createCodeEditor(
  parent: HTMLElement,
  initial: CodeEditorProps,
): CodeEditorController {
  let props = initial;
  let text = initial.value;
  const nodeIds = () => props.nodeIds;
  const language = new Compartment();
  const readOnly = new Compartment();
  const label = new Compartment();

  const icons = iconCompletionSource(bundledIcons, bundledPrefixes);
  const languageExtension = (lang: CodeEditorProps['language']): Extension =>
    lang === 'yaml'
      ? [
          yaml(),
          yamlLanguage.data.of({ autocomplete: specCompletionSource(nodeIds) }),
          yamlLanguage.data.of({ autocomplete: icons }),
        ]
      : [
          mermaidLanguage,
          mermaidLanguage.data.of({ autocomplete: mermaidCompletionSource(nodeIds) }),
          mermaidLanguage.data.of({ autocomplete: icons }),
        ];
  const readOnlyExtension = (on: boolean): Extension =>
    on
      ? [
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-readonly': 'true' }),
        ]
      : [];
  const labelExtension = (text: string): Extension =>
    EditorView.contentAttributes.of({ 'aria-label': text });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({
          icons: false,
          activateOnCompletion: (c) => completesFurther(c) || iconCompletesFurther(c),
        }),
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        syntaxHighlighting(editorHighlight),
        editorTheme,
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        language.of(languageExtension(initial.language)),
        readOnly.of(readOnlyExtension(initial.readOnly ?? false)),
        label.of(labelExtension(initial.ariaLabel)),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          text = update.state.doc.toString();
          if (update.transactions.some((tr) => tr.annotation(fromProps))) return;
          props.onChange(text);
        }),
      ],
    }),
  });
  view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, initial.diagnostics)));

  return {
    view,
    update(next) {
      const before = props;
      props = next;
      const effects: StateEffect<unknown>[] = [];
      if (next.language !== before.language)
        effects.push(language.reconfigure(languageExtension(next.language)));
      if ((next.readOnly ?? false) !== (before.readOnly ?? false))
        effects.push(readOnly.reconfigure(readOnlyExtension(next.readOnly ?? false)));
      if (next.ariaLabel !== before.ariaLabel)
        effects.push(label.reconfigure(labelExtension(next.ariaLabel)));
      if (next.value !== text) {
        view.dispatch({
          changes: diff(text, next.value),
          effects,
          annotations: fromProps.of(true),
        });
      } else if (effects.length > 0) {
        view.dispatch({ effects });
      }
      if (!sameDiagnostics(next.diagnostics, before.diagnostics)) {
        view.dispatch(
          setDiagnostics(view.state, toLintDiagnostics(view.state.doc, next.diagnostics)),
        );
      }
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
