import { usePasteToOpen } from '../editor/usePasteToOpen.ts';
import './gallery.css';
import { useDeferredValue, useState } from 'react';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import { useDecks } from '../deck/useDecks.ts';
import { type DiagramSource, useDiagrams } from '../diagrams.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { deckHref, diagramHref, navigate } from '../route.ts';
import { SkeletonArt } from '../view/Skeleton.tsx';
import { Thumbnail } from '../view/Thumbnail.tsx';
import { useCatalog } from './useCatalog.ts';

interface Section {
  key: string;
  title: string;
  description?: string;
  /** Lesson order matters: the list is numbered. */
  ordered: boolean;
  /** The deck the section plays, if it is one. */
  deckId?: string;
  sources: DiagramSource[];
}

/** Decks first, their diagrams in lesson order; then every diagram no deck names. */
export function gallerySections(decks: Deck[], diagrams: DiagramSource[], more: string): Section[] {
  const byId = new Map(diagrams.map((d) => [d.id, d]));
  const inDeck = new Set<string>();
  const sections: Section[] = decks.map((deck) => ({
    key: `deck:${deck.id}`,
    title: deck.title,
    ...(deck.description ? { description: deck.description } : {}),
    ordered: true,
    deckId: deck.id,
    sources: deck.entries.flatMap((entry) => {
      const source = byId.get(entry.diagram);
      if (!source || inDeck.has(source.id)) return [];
      inDeck.add(source.id);
      return [source];
    }),
  }));
  const rest = diagrams.filter((d) => !inDeck.has(d.id));
  if (rest.length > 0) sections.push({ key: 'more', title: more, ordered: false, sources: rest });
  return sections.filter((s) => s.sources.length > 0);
}

/** Whether every word of the query occurs in the diagram's id, title, description or labels. */
export function matches(query: string, source: DiagramSource, diagram: LaidOutDiagram | null) {
  const words = query.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    source.id,
    diagram?.title,
    diagram?.description,
    ...(diagram?.nodes.map((n) => n.label) ?? []),
    ...(diagram?.edges.map((e) => e.label) ?? []),
  ]
    .filter(Boolean)
    .join('\n')
    .normalize('NFC')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Home: every diagram as a card with its real layout in miniature, searchable. */
export function Gallery({ client }: { client: LayoutClient | null }) {
  const t = useT();
  usePasteToOpen();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const diagrams = useDiagrams();
  const { results: layouts } = useCatalog(client, diagrams);
  // Without its decks (their code failed to load) the gallery still lists every diagram.
  const { decks: loaded } = useDecks();
  const decks = loaded instanceof Error ? [] : loaded;
  const diagramOf = (id: string) => {
    const result = layouts.get(id);
    return result && 'ok' in result && result.ok ? result.diagram : null;
  };
  // Numbered by place in the lesson, whatever the search leaves out.
  const sections = gallerySections(decks ?? [], decks ? diagrams : [], t('gallery.more'))
    .map((s) => ({
      ...s,
      cards: s.sources
        .map((source, i) => ({ source, lesson: s.ordered ? i + 1 : undefined }))
        .filter(({ source }) => matches(deferred, source, diagramOf(source.id))),
    }))
    .filter((s) => s.cards.length > 0);
  return (
    <div className="fd-gallery">
      <div className="fd-gallery-head">
        <h1>{t('gallery.title')}</h1>
        <input
          type="search"
          className="fd-search"
          placeholder={t('gallery.search')}
          aria-label={t('gallery.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="fd-section-desc">{t('paste.hint')}</p>
      {sections.map((section) => (
        <section key={section.key} className="fd-section" aria-label={section.title}>
          <div className="fd-section-head">
            <h2>{section.title}</h2>
            {section.deckId ? <LessonActions deckId={section.deckId} /> : null}
          </div>
          {section.description ? <p className="fd-section-desc">{section.description}</p> : null}
          <ol className="fd-cards" data-ordered={section.ordered || undefined}>
            {section.cards.map(({ source, lesson }) => (
              <Card
                key={source.id}
                source={source}
                result={layouts.get(source.id)}
                {...(lesson ? { lesson } : {})}
              />
            ))}
          </ol>
        </section>
      ))}
      {decks && sections.length === 0 ? (
        <p className="fd-no-match">{t('gallery.noMatch', { query: deferred })}</p>
      ) : null}
    </div>
  );
}

/**
 * A deck's way in: start the lesson, or present it (full screen, the
 * clicker's keys) from its first slide.
 */
function LessonActions({ deckId }: { deckId: string }) {
  const t = useT();
  return (
    <p className="fd-lesson-actions">
      <a className="fd-button fd-button-primary" href={deckHref(deckId, 1)}>
        {t('gallery.startLesson')}
      </a>
      <button
        type="button"
        className="fd-button"
        title={t('gallery.presentHint')}
        onClick={() => {
          // In the click, where the browser allows full screen.
          playbackStore().enter();
          navigate(deckHref(deckId, 1));
        }}
      >
        {t('gallery.presentLesson')}
      </button>
    </p>
  );
}

function Card({
  source,
  result,
  lesson,
}: {
  source: DiagramSource;
  result: LayoutResult | undefined;
  lesson?: number;
}) {
  const t = useT();
  const diagram = result && 'ok' in result && result.ok ? result.diagram : null;
  const error = result && 'ok' in result && !result.ok ? result : null;
  const nodes = diagram?.nodes.filter((n) => n.kind === 'node').length;
  // What is wrong, in short; the card opens the diagram, which lists every error.
  const first = error?.diagnostics.find((d) => d.severity === 'error');
  const why = !error
    ? null
    : first
      ? t('gallery.brokenAt', { line: first.line, col: first.col, message: first.message })
      : error.reason === 'invalid'
        ? null
        : t('gallery.crashed', { message: error.message });
  return (
    <li className="fd-card" data-diagram-id={source.id} data-broken={error ? '' : undefined}>
      <a href={diagramHref(source.id)}>
        <div className="fd-card-thumb" data-loading={!diagram && !error ? '' : undefined}>
          {/* One card's drawing failing leaves the gallery and the other cards alone. */}
          <ErrorBoundary
            part="thumbnail"
            resetKey={diagram}
            fallback={({ error: crash }) => (
              <span className="fd-card-error" role="alert">
                {t('crash.thumbnail')}
                <small>{crash.message}</small>
              </span>
            )}
          >
            {diagram ? <Thumbnail diagram={diagram} /> : error ? null : <SkeletonArt />}
          </ErrorBoundary>
          {error ? (
            <span className="fd-card-error">
              {error.reason === 'invalid' ? t('gallery.broken') : t('view.errorTitle')}
              {why ? <small>{why}</small> : null}
            </span>
          ) : null}
        </div>
        <div className="fd-card-body">
          <h3>
            {lesson ? <span className="fd-lesson">{lesson}</span> : null}
            {diagram?.title ?? source.id}
          </h3>
          {diagram?.description ? <p>{diagram.description}</p> : null}
          <p className="fd-card-meta">
            {source.file}
            {nodes === undefined ? '' : ` · ${t('gallery.nodes', { count: nodes })}`}
          </p>
        </div>
      </a>
    </li>
  );
}
