import { useEffect } from 'react';
import { isDiagramFile } from '../../core/parse/files.ts';
import { guessFormat } from '../../core/parse/guessFormat.ts';

/** The most text a paste or a dropped file may bring (a diagram is a few kB). */
const MAX_TEXT = 1_000_000;

/** Whether pasted text is a diagram: a Mermaid flowchart, or YAML with a spec's top-level keys. */
export function looksLikeDiagram(text: string): boolean {
  if (text.length > MAX_TEXT || text.trim() === '') return false;
  return guessFormat(text) === 'mermaid' || /^(nodes|mermaid|edges):/m.test(text);
}

/**
 * On the page that uses it (the gallery), pasting a Mermaid flowchart or a
 * spec anywhere but a text field, or dropping a diagram file, opens it as a
 * new draft in the editor.
 */
export function usePasteToOpen() {
  useEffect(() => {
    const open = (text: string) =>
      void import('./newDraft.ts').then(({ openNewDraft }) => openNewDraft(text));
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as Element | null;
      if (target?.closest?.('input, textarea, [contenteditable]')) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!looksLikeDiagram(text)) return;
      event.preventDefault();
      open(text);
    };
    const onDragOver = (event: DragEvent) => {
      if (
        event.dataTransfer?.types.includes('Files') ||
        event.dataTransfer?.types.includes('text/plain')
      )
        event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const data = event.dataTransfer;
      if (!data) return;
      const file = Array.from(data.files).find((f) => isDiagramFile(f.name));
      if (file && file.size <= MAX_TEXT) {
        event.preventDefault();
        void file.text().then(open);
        return;
      }
      const text = data.getData('text/plain');
      if (looksLikeDiagram(text)) {
        event.preventDefault();
        open(text);
      }
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
