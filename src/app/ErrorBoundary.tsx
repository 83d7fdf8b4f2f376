import './errorBoundary.css';
import { Component, createContext, type ErrorInfo, type ReactNode } from 'react';
import { useT } from './i18n/useT.ts';

/** What a boundary holds, which names it on its card. */
export type BrokenPart =
  | 'app'
  | 'page'
  | 'diagram'
  | 'details'
  | 'player'
  | 'presenter'
  | 'export'
  | 'editor'
  | 'thumbnail'
  | 'live';

/** What a card says after the error. */
export type CrashHint =
  | 'crash.hint'
  | 'crash.hintApp'
  | 'crash.hintEditor'
  | 'crash.hintEditorDiagram';

/**
 * The hint of the boundaries inside: the editor's diagram pane says the
 * text is safe, where the same pane in the diagram view points back home.
 */
export const CrashHintContext = createContext<CrashHint>('crash.hint');

/** What a boundary shows instead of its part: the error, and a way to render the part again. */
export interface Failure {
  error: Error;
  reset: () => void;
}

export interface ErrorBoundaryProps {
  part: BrokenPart;
  children?: ReactNode;
  /** The card fits inside a view (a pane, a panel, a bar) rather than filling the page. */
  compact?: boolean;
  /** What to say after the error; default: `CrashHintContext`'s. */
  hint?: CrashHint;
  /** A different fallback than the card (a gallery card's thumbnail slot). */
  fallback?: (failure: Failure) => ReactNode;
  /** When this changes, a caught error is cleared and the part rendered again. */
  resetKey?: unknown;
  /** Told once per error caught, after the part has unmounted. */
  onError?: (error: Error) => void;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps a render error inside one part of the page: the part is replaced by
 * a card saying what broke, with the message, "Try again" and a way back to
 * the gallery, while everything around it keeps working. React reports the
 * error to the console once (its `onCaughtError`), so this does not log it again.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  static override contextType = CrashHintContext;
  declare context: CrashHint;
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const failure = { error, reset: this.reset };
    if (this.props.fallback) return this.props.fallback(failure);
    return (
      <CrashCard
        part={this.props.part}
        compact={this.props.compact ?? false}
        hint={this.props.hint ?? this.context}
        {...failure}
      />
    );
  }
}

function CrashCard({
  part,
  compact,
  hint,
  error,
  reset,
}: Failure & {
  part: BrokenPart;
  compact: boolean;
  hint: CrashHint;
}) {
  const t = useT();
  const Heading = compact ? 'h3' : 'h2';
  return (
    <div
      className="fd-card-error-view fd-crash"
      data-compact={compact ? '' : undefined}
      data-part={part}
      role="alert"
    >
      <Heading>{t(`crash.${part}`)}</Heading>
      <p>{t(hint)}</p>
      <pre>{t('crash.error', { message: error.message || error.name })}</pre>
      <p className="fd-actions">
        <button type="button" className="fd-button" onClick={reset}>
          {t('view.retry')}
        </button>
        <a className="fd-button" href="#/">
          {t('diagram.allDiagrams')}
        </a>
      </p>
    </div>
  );
}
