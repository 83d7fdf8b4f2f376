import { diagramId } from '../core/parse/files.ts';
import { builtDeckFiles, builtFiles, prefetchLayout } from './prebuilt.ts';
import { parseRoute } from './route.ts';
import { windowShape } from './useScreenShape.ts';
import {
  DeckSpeakerView,
  DeckView,
  DraftList,
  EditorView,
  FlowBar,
  ShareView,
  SpeakerView,
  StartDraft,
  Tokens,
} from './views.ts';

/**
 * The opening page's layouts and lazy code, asked for before React and the
 * views have run (main.tsx imports this first; docs/instant.md): the
 * diagram's layout, every card's in the gallery, a deck's diagrams' (from
 * the build's manifest, before the deck's YAML is read), and the code of
 * the route's view. The views' own requests find them on their way
 * (`prebuiltAnswer()` shares one fetch per file). Only built layouts: the
 * dev server's need the texts.
 */
function prefetch(hash: string): Promise<unknown> {
  const code: Promise<void>[] = [];
  const load = (view: { preload(): Promise<void> }) => code.push(view.preload());
  const route = parseRoute(hash);
  const screen = windowShape();
  const diagrams = builtFiles();
  switch (route.kind) {
    case 'home':
      for (const file of diagrams) prefetchLayout(file, screen);
      break;
    case 'diagram':
    case 'speaker':
      for (const file of diagrams) if (diagramId(file) === route.id) prefetchLayout(file, screen);
      if (route.kind === 'speaker') load(SpeakerView);
      else if (route.flow) {
        // Not waited for: the canvas paints without them.
        void FlowBar.preload();
        void Tokens.preload();
      }
      break;
    case 'deck':
    case 'speaker-deck':
      for (const file of builtDeckFiles(route.id)) prefetchLayout(file, screen);
      void import('../core/deck/parseDeck.ts');
      if (route.kind === 'deck') {
        load(DeckView);
        load(Tokens);
      } else load(DeckSpeakerView);
      break;
    case 'share':
      load(ShareView);
      break;
    // Big code (CodeMirror): not waited for, the skeleton shows meanwhile.
    case 'new':
    case 'edit':
      void StartDraft.preload();
      void EditorView.preload();
      break;
    case 'draft':
      void EditorView.preload();
      break;
    case 'drafts':
      void DraftList.preload();
      break;
    default:
  }
  return Promise.all(code);
}

/**
 * The opening view's code, loaded (or failed): React's first render waits
 * for it a moment (main.tsx), since a lazy view whose code comes after that
 * render is held back 300 ms more (views.ts).
 */
export const openingCode: Promise<unknown> = prefetch(window.location.hash);
