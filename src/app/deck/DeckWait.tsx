import { useT } from '../i18n/useT.ts';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import { brokenSource, laidOut, type useDeckLayouts } from './useDeck.ts';

/** A deck's failure card, with Try again and a link where they can help, and the way home. */
export function DeckMessage({
  children,
  action,
  onRetry,
}: {
  children: string;
  action?: { href: string; label: string } | undefined;
  onRetry?: (() => void) | undefined;
}) {
  const t = useT();
  return (
    <div className="fd-card-error-view" role="alert">
      <h2>{children}</h2>
      <p className="fd-actions">
        {onRetry ? (
          <button type="button" className="fd-button" onClick={onRetry}>
            {t('view.retry')}
          </button>
        ) : null}
        {action ? (
          <a className="fd-button" href={action.href}>
            {action.label}
          </a>
        ) : null}
        <a className="fd-button" href="#/">
          {t('diagram.allDiagrams')}
        </a>
      </p>
    </div>
  );
}

/** Why a deck window cannot show its slides yet. */
export type DeckWaitState =
  | { kind: 'loading' }
  | { kind: 'loadFailed'; message: string }
  | { kind: 'notFound' }
  | { kind: 'broken'; diagram: string; transient: boolean }
  | { kind: 'preparing'; done: number; count: number };

/** Where a deck's layouts are; null once every diagram of the deck is laid out. */
export function deckWaitState(layouts: ReturnType<typeof useDeckLayouts>): DeckWaitState | null {
  const { decks, deck, sources, results } = layouts;
  if (decks instanceof Error) return { kind: 'loadFailed', message: decks.message };
  if (!decks) return { kind: 'loading' };
  if (!deck) return { kind: 'notFound' };
  const broken = brokenSource(sources, results);
  if (broken) {
    const result = results.get(broken.id);
    // Errors in a file stay until it is fixed; a crash or a timeout may not.
    const transient = result !== undefined && 'reason' in result && result.reason !== 'invalid';
    return { kind: 'broken', diagram: broken.id, transient };
  }
  const done = sources.filter((s) => laidOut(results.get(s.id))).length;
  return done === sources.length ? null : { kind: 'preparing', done, count: sources.length };
}

/**
 * What a deck window (the deck, or its speaker view) shows until every
 * diagram of the deck is laid out: progress with a way out, or why it cannot
 * be shown.
 */
export function DeckWait({
  id,
  state,
  retry,
}: {
  id: string;
  state: DeckWaitState;
  retry: () => void;
}) {
  const t = useT();
  switch (state.kind) {
    case 'loadFailed':
      return (
        <DeckMessage onRetry={retry}>
          {t('deck.loadFailed', { message: state.message })}
        </DeckMessage>
      );
    case 'loading':
      return <LayoutProgress phase={null} text={t('diagram.loading')} onRetry={retry} />;
    case 'notFound':
      return <DeckMessage>{t('deck.notFound', { id })}</DeckMessage>;
    case 'broken':
      return (
        <DeckMessage
          onRetry={state.transient ? retry : undefined}
          action={{ href: `#/d/${encodeURIComponent(state.diagram)}`, label: state.diagram }}
        >
          {t('deck.broken', { id: state.diagram })}
        </DeckMessage>
      );
    case 'preparing':
      return (
        <LayoutProgress
          phase={null}
          text={t('deck.preparing', { done: state.done, count: state.count })}
          onRetry={retry}
        />
      );
  }
}
