import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** A view whose code loads on demand, and a way to start loading it before it renders. */
export type LazyView<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<void> };

/**
 * `React.lazy` that does not suspend once its code is in: a view whose chunk
 * `preload()` fetched before the first render (`prefetch.ts`) renders at
 * once. Otherwise React shows the fallback and, once the code comes, holds
 * the view back until 300 ms after the fallback appeared (React 19's
 * fallback throttle): a fixed wait on every first paint of a lazy route.
 */
function lazyView<P>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  const loadNow = () =>
    load().then((component) => {
      loaded = { default: component };
      return loaded;
    });
  const view = lazy(() => {
    const ready = loaded;
    // A thenable that resolves at once: React takes the component in this render.
    if (ready) return { then: (resolve: (m: typeof ready) => void) => resolve(ready) } as never;
    return loadNow();
  });
  const preload = () =>
    loadNow().then(
      () => undefined,
      () => undefined,
    );
  return Object.assign(view, { preload });
}

// One place for the app's lazy views, so the prefetch and the routes share them.
export const DeckView = lazyView(() => import('./deck/DeckView.tsx').then((m) => m.DeckView));
export const SpeakerView = lazyView(() =>
  import('./speaker/SpeakerView.tsx').then((m) => m.SpeakerView),
);
export const DeckSpeakerView = lazyView(() =>
  import('./deck/DeckSpeakerView.tsx').then((m) => m.DeckSpeakerView),
);
export const EditorView = lazyView(() =>
  import('./editor/EditorView.tsx').then((m) => m.EditorView),
);
export const StartDraft = lazyView(() =>
  import('./editor/StartDraft.tsx').then((m) => m.StartDraft),
);
export const DraftList = lazyView(() => import('./editor/DraftList.tsx').then((m) => m.DraftList));
export const ShareView = lazyView(() => import('./editor/ShareView.tsx').then((m) => m.ShareView));
// The player's parts (and framer-motion with them) load when a flow plays,
// keeping them out of the first screen's JavaScript; FlowStart prefetches them.
export const FlowBar = lazyView(() => import('./player/FlowBar.tsx').then((m) => m.FlowBar));
export const Tokens = lazyView(() => import('./player/Tokens.tsx').then((m) => m.Tokens));
// The live classroom loads only in a tab that has a session (live/gate.ts).
export const LiveLayer = lazyView(() => import('./live/LiveLayer.tsx').then((m) => m.LiveLayer));
export const LiveStage = lazyView(() => import('./live/LiveStage.tsx').then((m) => m.LiveStage));
export const LiveCanvas = lazyView(() => import('./live/LiveCanvas.tsx').then((m) => m.LiveCanvas));
export const JoinPage = lazyView(() => import('./live/JoinPage.tsx').then((m) => m.JoinPage));
