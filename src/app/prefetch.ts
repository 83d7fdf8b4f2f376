import { nearestShape } from '../core/model/screenShape.ts';
import { diagramId } from '../core/parse/files.ts';
import { builtDeckFiles, layouts, prefetchLayout } from './prebuilt.ts';
import { parseRoute } from './route.ts';

/**
 * The opening page's layouts and lazy code, asked for before React and the
 * views have run (main.tsx imports this first; docs/instant.md): the
 * diagram's layout, every card's in the gallery, a deck's diagrams' (from
 * the build's manifest, before the deck's YAML is read), and the player's
 * code for a flow. The views' own requests find them on their way
 * (`prebuiltAnswer()` shares one fetch per file). Only built layouts: the
 * dev server's need the texts.
 */
function prefetch(hash: string) {
  const route = parseRoute(hash);
  const screen = nearestShape(window.innerWidth, window.innerHeight);
  const diagrams = Object.keys(layouts?.diagrams ?? {});
  switch (route.kind) {
    case 'home':
      for (const file of diagrams) prefetchLayout(file, screen);
      break;
    case 'diagram':
    case 'speaker':
      for (const file of diagrams) if (diagramId(file) === route.id) prefetchLayout(file, screen);
      if (route.flow) {
        void import('./player/FlowBar.tsx');
        void import('./player/Tokens.tsx');
      }
      break;
    case 'deck':
    case 'speaker-deck':
      for (const file of builtDeckFiles(route.id)) prefetchLayout(file, screen);
      void import('../core/deck/parseDeck.ts');
      void import('./deck/DeckView.tsx');
      break;
    default:
  }
}

prefetch(window.location.hash);
