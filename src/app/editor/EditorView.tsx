import { download } from '../download.ts';
import { LiveDiagramPane, useLiveDiagram } from './LiveDiagram.tsx';
import './editor.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { guessFormat } from '../../core/parse/guessFormat.ts';
import { CrashHintContext, ErrorBoundary } from '../ErrorBoundary.tsx';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { draftHref, shareHref } from '../route.ts';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import type { StepHref } from '../view/StepHref.tsx';
import { CodeEditor } from './CodeEditor.tsx';
import { backupNow, type Draft, openDrafts, recoverBackup } from './drafts.ts';
import { draftTitle } from './draftTitle.ts';
import { encodeShare } from './share.ts';

/** How long typing must pause before the draft is saved. */
const SAVE_PAUSE_MS = 400;

/** Problems listed under the text; the rest are underlined in it (a pasted file can have 40,000). */
const MAX_LISTED = 100;

/** `#/draft/<id>`: a local draft in the editor, text on the left and the diagram on the right. */
export function EditorView({
  client,
  id,
  flow,
  step,
}: {
  client: LayoutClient;
  id: string;
  flow?: string | undefined;
  step?: number | undefined;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft | null | 'missing'>(null);
  useEffect(() => {
    let live = true;
    const store = openDrafts();
    // A backup newer than the saved draft (the editor crashed, or the tab
    // closed, before the save after the last keystrokes) comes back first.
    void recoverBackup(store)
      .then(() => store.get(id))
      .then((found) => {
        if (live) setDraft(found ?? 'missing');
      });
    return () => {
      live = false;
    };
  }, [id]);
  if (draft === null) return <LayoutProgress phase="starting" />;
  if (draft === 'missing') {
    return (
      <div className="fd-card-error-view" role="alert">
        <h2>{t('editor.missing')}</h2>
        <p className="fd-actions">
          <a className="fd-button" href="#/drafts">
            {t('editor.drafts')}
          </a>
          <a className="fd-button" href="#/new">
            {t('editor.new')}
          </a>
        </p>
      </div>
    );
  }
  return <Editing key={draft.id} initial={draft} client={client} flow={flow} step={step} />;
}

type SaveState = 'saved' | 'saving' | { failed: string; full: boolean };

function Editing({
  initial,
  client,
  flow,
  step,
}: {
  initial: Draft;
  client: LayoutClient;
  flow: string | undefined;
  step: number | undefined;
}) {
  const t = useT();
  const [text, setText] = useState(initial.text);
  const language = guessFormat(text);
  // The file name gives a Mermaid draft its id and untitled title, as a file
  // in diagrams/ would: a copy keeps its diagram's, anything else is `diagram`.
  const file = `${slug(initial.source || 'diagram')}.${language === 'mermaid' ? 'mmd' : 'yaml'}`;
  const { live, toggleCollapsed } = useLiveDiagram(client, text, file, flow);
  const [status, setStatus] = useState('');
  const saved = useAutosave(initial, text, language);
  const steps = useMemo<StepHref>(() => (f, s) => draftHref(initial.id, f, s), [initial.id]);
  const errors = live.diagnostics.filter((d) => d.severity === 'error');

  const textNow = useRef(text);
  textNow.current = text;
  const convert = async () => {
    const { convertToSpec } = await import('./convertToSpec.ts');
    // In a worker: a big chart takes seconds to read and write.
    const { limits, timeoutMs } = client;
    const walkthroughTitle = t('player.walkthrough');
    const result = await convertToSpec(text, file, { limits, timeoutMs, walkthroughTitle });
    if (textNow.current !== text) {
      setStatus(t('editor.convertStale'));
      return;
    }
    // Only text that reads converts: a half-typed chart would lose what did not parse.
    if (!result.ok) {
      setStatus(
        result.reason === 'invalid'
          ? t('editor.convertFailed')
          : t('editor.convertCrashed', { message: result.message }),
      );
      return;
    }
    setText(result.yaml);
    setStatus(t('editor.converted'));
  };
  const share = async () => {
    let payload: string;
    try {
      payload = await encodeShare(text);
    } catch (error) {
      // Too big for a link that would open: say so, and offer the file instead.
      setStatus(t('editor.shareTooLarge', { message: (error as Error).message }));
      return;
    }
    const url = new URL(shareHref(payload), window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('editor.shareCopied'));
    } catch {
      window.prompt(t('editor.shareLink'), url);
    }
  };
  const saveFile = () => {
    const name = `${slug(live.diagram?.title || initial.title || 'diagram')}.${language === 'mermaid' ? 'mmd' : 'yaml'}`;
    download(name, text, 'text/plain;charset=utf-8');
  };

  return (
    <div className="fd-editor">
      <section className="fd-editor-text" aria-label={t('editor.text')}>
        <div className="fd-editor-bar">
          <span className="fd-editor-lang">{language === 'mermaid' ? 'Mermaid' : 'YAML'}</span>
          <span className="fd-editor-saved" role="status">
            {saved === 'saved'
              ? t('editor.saved')
              : saved === 'saving'
                ? t('editor.saving')
                : saved.full
                  ? t('editor.storageFull')
                  : t('editor.notSaved', { message: saved.failed })}
          </span>
          <span className="fd-editor-tools">
            {language === 'mermaid' ? (
              <button type="button" className="fd-icon-button" onClick={() => void convert()}>
                {t('editor.convert')}
              </button>
            ) : null}
            <button type="button" className="fd-icon-button" onClick={() => void share()}>
              {t('editor.share')}
            </button>
            <button type="button" className="fd-icon-button" onClick={saveFile}>
              {t('editor.download')}
            </button>
            <a className="fd-icon-button" href="#/drafts">
              {t('editor.drafts')}
            </a>
          </span>
        </div>
        <CodeEditor
          value={text}
          onChange={setText}
          language={language}
          diagnostics={live.diagnostics}
          nodeIds={live.diagram?.nodes.map((n) => n.id) ?? []}
          ariaLabel={t('editor.text')}
        />
        <div className="fd-editor-problems" role="status" aria-live="polite">
          {status ? <p>{status}</p> : null}
          {live.error?.reason === 'crashed' ? (
            <p>{t('view.crashed', { message: live.error.message })}</p>
          ) : null}
          {live.error?.reason === 'timeout' ? (
            <p>
              {t('view.timedOut', { seconds: Math.round(client.timeoutMs / 1000) })}{' '}
              <button type="button" className="fd-icon-button" onClick={live.retry}>
                {t('view.retry')}
              </button>
            </p>
          ) : null}
          {errors.length > 0 ? (
            <p className="fd-editor-problem-count">
              {t('editor.problems', { count: errors.length })}
            </p>
          ) : null}
          {live.diagnostics.length > 0 ? (
            <ul>
              {live.diagnostics.slice(0, MAX_LISTED).map((d, i) => (
                <li key={i} data-severity={d.severity}>
                  {`${d.line}:${d.col}: ${d.severity}: ${d.message}`}
                </li>
              ))}
              {live.diagnostics.length > MAX_LISTED ? (
                <li>{t('editor.moreProblems', { count: live.diagnostics.length - MAX_LISTED })}</li>
              ) : null}
            </ul>
          ) : null}
        </div>
      </section>
      <section className="fd-editor-diagram" aria-label={t('editor.diagram')}>
        {/* A crash in drawing stays here: the text editor beside it keeps working. */}
        <CrashHintContext.Provider value="crash.hintEditorDiagram">
          <ErrorBoundary part="diagram" compact resetKey={live.diagram}>
            {live.diagram ? (
              <LiveDiagramPane
                live={{ ...live, diagram: live.diagram }}
                toggleCollapsed={toggleCollapsed}
                steps={steps}
                flow={flow}
                step={step}
              />
            ) : live.error?.reason === 'timeout' ? (
              <p className="fd-editor-empty">
                {t('view.timedOut', { seconds: Math.round(client.timeoutMs / 1000) })}
              </p>
            ) : live.error ? (
              <p className="fd-editor-empty">{t('editor.noDiagramYet')}</p>
            ) : (
              <LayoutProgress phase={live.phase} />
            )}
          </ErrorBoundary>
        </CrashHintContext.Provider>
      </section>
    </div>
  );
}

/**
 * Saves the draft once typing pauses, and at once (to a small synchronous
 * backup) when the page is hidden or closed, so nothing typed is lost. A
 * failed save keeps the text in the tab and says why.
 */
function useAutosave(initial: Draft, text: string, language: 'yaml' | 'mermaid'): SaveState {
  // A draft opened from memory (its save failed: storage full) is not saved yet, and says so.
  const [state, setState] = useState<SaveState>(() => {
    const failure = openDrafts().unsaved(initial.id);
    return failure ? { failed: failure.message, full: failure.reason === 'quota' } : 'saved';
  });
  const latest = useRef<Draft>(initial);
  latest.current = {
    ...initial,
    text,
    language,
    // From the text itself: the laid-out diagram's title lags behind typing.
    title: draftTitle({ text, source: initial.source }),
    updated: latest.current.text === text ? latest.current.updated : Date.now(),
  };
  useEffect(() => {
    if (text === initial.text && state === 'saved') return;
    setState('saving');
    const timer = setTimeout(() => {
      void openDrafts()
        .save(latest.current)
        .then((result) =>
          setState(
            result.ok ? 'saved' : { failed: result.message, full: result.reason === 'quota' },
          ),
        );
    }, SAVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    const flush = () => backupNow(latest.current);
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);
  return state;
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKC')
      .replace(/[\\/:*?"<>|\s]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'diagram'
  );
}
