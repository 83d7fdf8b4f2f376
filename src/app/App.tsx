import { Suspense, useEffect, useMemo, useState } from 'react';
import { DiagramView } from './diagram/DiagramView.tsx';
import { useDiagrams } from './diagrams.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Gallery } from './gallery/Gallery.tsx';
import { LanguageMenu } from './i18n/LanguageMenu.tsx';
import { useT } from './i18n/useT.ts';
import type { LayoutClient } from './layoutClient.ts';
import { liveWanted } from './live/gate.ts';
import { playbackStore } from './playback/playbackStore.ts';
import { diagramHref, embedHref, parseRoute, type Route } from './route.ts';
import { SpeakerSync } from './speaker/useStepSync.ts';
import { ThemeMenu } from './theme/ThemeMenu.tsx';
import { Skeleton } from './view/Skeleton.tsx';
import { type StepHref, StepHrefContext } from './view/StepHref.tsx';
import {
  DeckSpeakerView,
  DeckView,
  DraftList,
  EditorView,
  JoinPage,
  LiveLayer,
  ShareView,
  SpeakerView,
  StartDraft,
} from './views.ts';

/**
 * Which view a route shows, not where in it (a flow's step, a deck's
 * slide): the key of the view's error boundary, so leaving a view that
 * crashed starts the next one afresh, while stepping through one keeps it.
 */
function viewKey(route: Route): string {
  return 'id' in route ? `${route.kind}:${route.id}` : route.kind;
}

export interface AppProps {
  client: LayoutClient;
  /** Why the page's `?limits=` was ignored, said under the header. */
  limitsProblem?: string | undefined;
}

/**
 * The whole app, as the hash says. A crash outside every view (the header,
 * the routing) still leaves a card with a way back, not a blank page; the
 * next hash renders it all again.
 */
export function App(props: AppProps) {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <ErrorBoundary part="app" hint="crash.hintApp" resetKey={hash}>
      <Routes {...props} hash={hash} />
    </ErrorBoundary>
  );
}

/** Header, then the gallery or a diagram. */
function Routes({ client, limitsProblem, hash }: AppProps & { hash: string }) {
  const t = useT();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const route = parseRoute(hash);
  // Presenter mode belongs to a diagram or a deck: any other view (the
  // gallery after a deck that failed to load, say) leaves it, even when no
  // presenter was mounted to do so.
  const presentable = route.kind === 'diagram' || route.kind === 'deck';
  useEffect(() => {
    if (!presentable) playbackStore().leave();
  }, [presentable]);
  // An embed's steps link inside the embed (stable per diagram, for the player's timers).
  const embedId = route.kind === 'diagram' && route.embed ? route.id : null;
  const embedSteps = useMemo<StepHref | null>(
    () => (embedId === null ? null : (flow, step) => embedHref(embedId, flow, step)),
    [embedId],
  );
  const diagrams = useDiagrams();
  const source = route.kind === 'diagram' ? diagrams.find((d) => d.id === route.id) : undefined;
  // The speaker view is a window of its own, with no header.
  if (route.kind === 'speaker-deck') {
    return (
      <ErrorBoundary key={viewKey(route)} part="page">
        <Suspense fallback={<Skeleton />}>
          <DeckSpeakerView client={client} id={route.id} slide={route.slide} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  if (route.kind === 'speaker') {
    return (
      <ErrorBoundary key={viewKey(route)} part="page">
        <Suspense fallback={<Skeleton />}>
          <SpeakerView client={client} id={route.id} flow={route.flow} step={route.step} />
        </Suspense>
      </ErrorBoundary>
    );
  }

  // An embed (#/embed/…, for an <iframe>) is the view alone, with a way out;
  // its steps stay embedded.
  if (route.kind === 'diagram' && route.embed) {
    return (
      <div className="fd-app" data-embed="">
        <main className="fd-main">
          {source ? (
            <ErrorBoundary key={viewKey(route)} part="page">
              <StepHrefContext.Provider value={embedSteps}>
                <DiagramView
                  key={source.id}
                  source={source}
                  client={client}
                  flow={route.flow}
                  step={route.step}
                />
              </StepHrefContext.Provider>
            </ErrorBoundary>
          ) : (
            <p role="alert">{t('diagram.notFound', { id: route.id })}</p>
          )}
          {/* Inside <main>: the page's only landmark, so nothing is left outside one. */}
          <a
            className="fd-embed-open fd-chrome"
            href={diagramHref(route.id, route.flow, route.step)}
            target="_blank"
            rel="noopener"
          >
            {t('embed.open')} ↗
          </a>
        </main>
      </div>
    );
  }

  return (
    <div className="fd-app">
      <SpeakerSync />
      {liveWanted(hash) ? (
        <ErrorBoundary part="live" fallback={() => null}>
          <Suspense fallback={null}>
            <LiveLayer />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <header className="fd-header fd-chrome">
        <a href="#/" className="fd-brand">
          Flowdeck
        </a>
        {source ? (
          <nav className="fd-crumb" aria-label={t('view.breadcrumb')}>
            <a href="#/">{t('gallery.title')}</a>
            <span aria-hidden="true"> / </span>
            <h1 className="fd-crumb-here" aria-current="page">
              {titles[source.id] ?? source.id}
            </h1>
          </nav>
        ) : route.kind === 'deck' ? (
          <nav className="fd-crumb" aria-label={t('view.breadcrumb')}>
            <a href="#/">{t('gallery.title')}</a>
            <span aria-hidden="true"> / </span>
            <h1 className="fd-crumb-here" aria-current="page">
              {titles[`deck:${route.id}`] ?? route.id}
            </h1>
          </nav>
        ) : null}
        <div className="fd-header-tools">
          {source ? (
            <a className="fd-icon-button" href={`#/edit/${encodeURIComponent(source.id)}`}>
              {t('editor.editCopy')}
            </a>
          ) : null}
          {route.kind === 'home' || route.kind === 'drafts' ? (
            <>
              <a className="fd-icon-button" href="#/new">
                {t('editor.new')}
              </a>
              <a className="fd-icon-button" href="#/drafts">
                {t('editor.drafts')}
              </a>
            </>
          ) : null}
          <ThemeMenu />
          <LanguageMenu />
        </div>
      </header>
      {limitsProblem ? (
        <p className="fd-notice" role="status">
          {t('limits.ignored', { problem: limitsProblem })}
        </p>
      ) : null}
      <main className="fd-main">
        {/* One boundary per view: a crash leaves the header working and goes with the route. */}
        <ErrorBoundary
          key={viewKey(route)}
          part={route.kind === 'draft' ? 'editor' : 'page'}
          {...(route.kind === 'draft' ? { hint: 'crash.hintEditor' as const } : {})}
        >
          {route.kind === 'new' || route.kind === 'edit' ? (
            <Suspense fallback={<Skeleton />}>
              <StartDraft key={hash} {...(route.kind === 'edit' ? { copyOf: route.id } : {})} />
            </Suspense>
          ) : route.kind === 'join' ? (
            <Suspense fallback={<Skeleton />}>
              <JoinPage code={route.code} />
            </Suspense>
          ) : route.kind === 'drafts' ? (
            <Suspense fallback={<Skeleton />}>
              <DraftList />
            </Suspense>
          ) : route.kind === 'draft' ? (
            <Suspense fallback={<Skeleton />}>
              <EditorView client={client} id={route.id} flow={route.flow} step={route.step} />
            </Suspense>
          ) : route.kind === 'share' ? (
            <Suspense fallback={<Skeleton />}>
              <ShareView
                client={client}
                payload={route.payload}
                flow={route.flow}
                step={route.step}
              />
            </Suspense>
          ) : route.kind === 'deck' ? (
            <Suspense fallback={<Skeleton />}>
              <DeckView
                client={client}
                id={route.id}
                slide={route.slide}
                onTitle={(title) =>
                  setTitles((all) =>
                    all[`deck:${route.id}`] === title
                      ? all
                      : { ...all, [`deck:${route.id}`]: title },
                  )
                }
              />
            </Suspense>
          ) : route.kind === 'diagram' && source ? (
            <DiagramView
              key={source.id}
              source={source}
              client={client}
              flow={route.kind === 'diagram' ? route.flow : undefined}
              step={route.kind === 'diagram' ? route.step : undefined}
              onTitle={(title) =>
                setTitles((all) =>
                  all[source.id] === title ? all : { ...all, [source.id]: title },
                )
              }
            />
          ) : route.kind === 'diagram' ? (
            <div className="fd-card-error-view" role="alert">
              <h2>{t('diagram.notFound', { id: route.id })}</h2>
              <p>
                <a className="fd-button" href="#/">
                  {t('diagram.allDiagrams')}
                </a>
              </p>
            </div>
          ) : (
            <Gallery client={client} />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
