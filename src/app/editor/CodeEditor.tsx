import { useLayoutEffect, useRef } from 'react';
import {
  type CodeEditorController,
  type CodeEditorProps,
  createCodeEditor,
} from './createCodeEditor.ts';

export type { CodeEditorProps };

/**
 * A CodeMirror 6 editor for a YAML spec or a Mermaid flowchart: highlighting,
 * the parser's diagnostics underlined with their message on hover, completion
 * of spec keys, shapes and node ids. Controlled: `value` in, `onChange` out;
 * a `value` equal to the editor's text does nothing, so typing is never
 * disturbed. Load it lazily (`import('./editor/CodeEditor.tsx')`): CodeMirror
 * is not in the first bundle. Keyboard notes in `createCodeEditor.ts`.
 */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditorController | null>(null);
  const first = useRef(props);

  useLayoutEffect(() => {
    if (!host.current) return;
    const created = createCodeEditor(host.current, first.current);
    editor.current = created;
    return () => {
      created.destroy();
      editor.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    editor.current?.update(props);
  });

  return <div ref={host} className="fd-code" />;
}
