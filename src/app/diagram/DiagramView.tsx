import '../view/view.css';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { formatDiagnostic } from '../../core/model/formatDiagnostic.ts';
import type { Diagnostic } from '../../core/model/types.ts';
import type { DiagramSource } from '../diagrams.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useT } from '../i18n/useT.ts';
import { useKeysReady } from '../keyBuffer.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { LiveSlot } from '../live/LiveSlot.tsx';
import { FlowStart } from '../player/FlowStart.tsx';
import { usePlayer } from '../player/usePlayer.ts';
import { Presenter } from '../present/Presenter.tsx';
import { useTheme } from '../theme/useTheme.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { type LayoutState, useLayout } from '../useLayout.ts';
import { Canvas } from '../view/Canvas.tsx';
import { DetailsPanel } from '../view/DetailsPanel.tsx';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import { OutlinePanel } from '../view/OutlinePanel.tsx';
import { useOnReframe } from '../view/reframe.ts';
import { ViewContext } from '../view/ViewContext.tsx';
import { FlowBar, Tokens } from '../views.ts';

/** Which groups the reader folded away, kept for this tab so a reload shows the same view. */
function useCollapsed(id: string): [string[], (group: string) => void] {
  const key = `flowdeck.collapsed.${id}`;
  const [collapsed, setCollapsed] = useState<string[]>(() => {
    try {
      const saved: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
      return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(collapsed));
    } catch {
      // Storage full or blocked: the view still works, it just won't survive a reload.
    }
  }, [key, collapsed]);
  const toggle = useCallback(
    (group: string) =>
      setCollapsed((now) =>
        now.includes(group) ? now.filter((g) => g !== group) : [...now, group],
      ),
    [],
  );
  return [collapsed, toggle];
}

/** One diagram: laid out in the worker, drawn on the canvas, with its details beside it. */
export function DiagramView({
  source,
  client,
  onTitle,
  flow,
  step = 1,
}: {
  source: DiagramSource;
  client: LayoutClient | null;
  /** The flow being played and its step (from 1), from the URL. */
  flow?: string | undefined;
  step?: number | undefined;
  /** Told the diagram's title once it is known, for the header. */
  onTitle?: (title: string) => void;
}) {
  const [collapsed, toggleCollapsed] = useCollapsed(source.id);
  // A flow plays on the whole diagram, laid out once for everything it shows.
  const { diagram, phase, error, retry } = useLayout(client, source, flow ? [] : collapsed);
  const [selected, setSelected] = useState<string | null>(null);
  const actions = useMemo(
    () => ({ toggleCollapsed, expectRelayout: () => client?.warm() }),
    [toggleCollapsed, client],
  );
  const node = diagram?.nodes.find((n) => n.id === selected) ?? null;

  useDocumentTitle(diagram?.title, onTitle);

  useEffect(() => {
    if (!node) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const id = node.id;
      setSelected(null);
      // Back to the node the panel was about, so the keyboard carries on from there.
      document
        .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        ?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [node]);

  if (!diagram) {
    if (error) {
      const seconds = Math.round((client?.timeoutMs ?? 0) / 1000);
      return <ErrorCard error={error} onRetry={retry} timeoutSeconds={seconds} />;
    }
    return <LayoutProgress phase={phase} onRetry={retry} />;
  }
  return (
    <ViewContext.Provider value={actions}>
      <DiagramPane
        diagram={diagram}
        flow={flow}
        step={step}
        selected={selected}
        setSelected={setSelected}
        toggleCollapsed={toggleCollapsed}
        phase={phase}
        error={error}
      />
    </ViewContext.Provider>
  );
}

/**
 * A laid-out diagram with everything around it: canvas, flow player or the
 * way into a flow, details panel, export menu, progress and errors. The
 * diagram view and the editor both show one.
 */
export function DiagramPane({
  diagram,
  flow,
  step,
  selected,
  setSelected,
  toggleCollapsed,
  phase,
  error,
}: {
  diagram: LaidOutDiagram;
  flow: string | undefined;
  step: number;
  selected: string | null;
  setSelected: (id: string | null) => void;
  toggleCollapsed: (id: string) => void;
  phase: LayoutState['phase'];
  error: LayoutState['error'];
}) {
  const t = useT();
  const { reducedMotion } = useTheme();
  const player = usePlayer(diagram, flow ?? '', step);
  // Without a flow playing, presenter mode and FlowStart take the keys; with one, FlowBar.
  useKeysReady(!player);
  // Back to the view as framed (a live class's "Back to the class"): the panel goes too.
  useOnReframe(() => setSelected(null));
  const node = diagram.nodes.find((n) => n.id === selected) ?? null;
  const [outlineOpen, setOutlineOpen] = useState(false);
  const outlineButton = useRef<HTMLButtonElement>(null);
  const closeOutline = useCallback(() => {
    setOutlineOpen(false);
    outlineButton.current?.focus();
  }, []);
  return (
    <div
      className="fd-view"
      data-panel={node || outlineOpen ? 'open' : undefined}
      data-playing={player ? '' : undefined}
    >
      {/* Each part fails alone: a crash in one shows its card, the others keep working. */}
      <div className="fd-stage">
        <ErrorBoundary part="diagram" compact resetKey={diagram}>
          <Canvas
            diagram={diagram}
            selected={selected}
            onSelect={setSelected}
            scene={player?.scene}
          >
            {player && !reducedMotion ? (
              <ErrorBoundary part="player" fallback={() => null}>
                <Suspense fallback={null}>
                  <Tokens scene={player.scene} step={player.step} />
                </Suspense>
              </ErrorBoundary>
            ) : null}
            <ErrorBoundary part="presenter" compact>
              <Presenter />
            </ErrorBoundary>
            <LiveSlot part="canvas" />
          </Canvas>
        </ErrorBoundary>
        <LiveSlot part="stage" />
        <div className="fd-toolbar fd-chrome">
          <button
            type="button"
            ref={outlineButton}
            className="fd-icon-button"
            aria-expanded={outlineOpen}
            title={t('outline.buttonHint')}
            onClick={() => setOutlineOpen((open) => !open)}
          >
            {t('outline.button')}
          </button>
          <ErrorBoundary part="export" fallback={() => null}>
            <ExportMenu
              diagram={diagram}
              step={player ? { timeline: player.timeline, scene: player.scene } : null}
            />
          </ErrorBoundary>
        </div>
        <ErrorBoundary part="player" compact>
          {player ? (
            <Suspense fallback={null}>
              <FlowBar diagram={diagram} player={player} />
            </Suspense>
          ) : (
            <FlowStart diagram={diagram} />
          )}
        </ErrorBoundary>
      </div>
      {/* A text panel beside the details: its crash shows nothing rather than a second card. */}
      <ErrorBoundary part="details" fallback={() => null}>
        <OutlinePanel
          diagram={diagram}
          open={outlineOpen}
          onClose={closeOutline}
          onSelect={setSelected}
        />
      </ErrorBoundary>
      {node ? (
        <ErrorBoundary key={node.id} part="details" compact>
          <DetailsPanel
            diagram={diagram}
            node={node}
            onSelect={setSelected}
            onClose={() => setSelected(null)}
            onToggleCollapsed={toggleCollapsed}
          />
        </ErrorBoundary>
      ) : null}
      {phase ? <LayoutProgress phase={phase} compact /> : null}
      {error ? (
        <div className="fd-toast" role="alert" data-stale="">
          <p>
            {error.reason === 'invalid'
              ? t('view.staleFile')
              : t('view.relayoutFailed', { message: error.message })}
          </p>
          {error.diagnostics.length > 0 ? (
            <pre>{errorsFirst(error.diagnostics).map(formatDiagnostic).join('\n')}</pre>
          ) : null}
        </div>
      ) : null}
      {flow && !player ? (
        <p className="fd-toast" role="alert">
          {t('player.noSuchFlow', { flow })}
        </p>
      ) : null}
    </div>
  );
}

/** A file's problems as an author fixes them: errors before warnings, at most `max`. */
function errorsFirst(diagnostics: readonly Diagnostic[], max = 6): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort((a, b) => rank(a) - rank(b)).slice(0, max);
}

function ErrorCard({
  error,
  onRetry,
  timeoutSeconds,
}: {
  error: NonNullable<LayoutState['error']>;
  onRetry: () => void;
  /** How long a layout may run (`LayoutClient.timeoutMs`), for a `timeout`. */
  timeoutSeconds: number;
}) {
  const t = useT();
  return (
    <div className="fd-card-error-view" role="alert">
      <h2>{t('view.errorTitle')}</h2>
      <p>
        {error.reason === 'invalid'
          ? t('diagram.hasErrors')
          : error.reason === 'timeout'
            ? t('view.timedOut', { seconds: timeoutSeconds })
            : t('view.crashed', { message: error.message })}
      </p>
      {error.diagnostics.length > 0 ? (
        <pre>{error.diagnostics.map(formatDiagnostic).join('\n')}</pre>
      ) : null}
      <p className="fd-actions">
        {error.reason !== 'invalid' ? (
          <button type="button" className="fd-button" onClick={onRetry}>
            {t('view.retry')}
          </button>
        ) : null}
        <a className="fd-button" href="#/">
          {t('diagram.allDiagrams')}
        </a>
      </p>
    </div>
  );
}
