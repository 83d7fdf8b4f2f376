import './editor.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { guessFormat } from '../../core/parse/guessFormat.ts';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { shareHref } from '../route.ts';
import { DiagramPane } from '../view/DiagramView.tsx';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import { type StepHref, StepHrefContext } from '../view/StepHref.tsx';
import { ViewContext } from '../view/ViewContext.tsx';
import { openNewDraft } from './newDraft.ts';
import { decodeShare } from './share.ts';
import { useLiveLayout } from './useLiveLayout.ts';

type Decoded = Awaited<ReturnType<typeof decodeShare>>;

/**
 * `#/share/<payload>`: a diagram carried in the link itself, read-only, with
 * "Edit a copy". The payload is decoded within fixed limits; a damaged or
 * oversized link gets a message, never a blank page.
 */
export function ShareView({
  client,
  payload,
  flow,
  step,
}: {
  client: LayoutClient;
  payload: string;
  flow?: string | undefined;
  step?: number | undefined;
}) {
  const t = useT();
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  useEffect(() => {
    let live = true;
    void decodeShare(payload).then((result) => {
      if (live) setDecoded(result);
    });
    return () => {
      live = false;
    };
  }, [payload]);
  if (!decoded) return <LayoutProgress phase="starting" />;
  if (!decoded.ok) {
    const key =
      decoded.reason === 'too-large'
        ? 'share.tooLarge'
        : decoded.reason === 'unsupported'
          ? 'share.unsupported'
          : 'share.corrupt';
    return (
      <div className="fd-card-error-view" role="alert">
        <h2>{t(key, { message: decoded.message })}</h2>
        <p className="fd-actions">
          <a className="fd-button" href="#/">
            {t('diagram.allDiagrams')}
          </a>
        </p>
      </div>
    );
  }
  return <Shared client={client} payload={payload} text={decoded.text} flow={flow} step={step} />;
}

function Shared({
  client,
  payload,
  text,
  flow,
  step,
}: {
  client: LayoutClient;
  payload: string;
  text: string;
  flow: string | undefined;
  step: number | undefined;
}) {
  const t = useT();
  const file = `shared.${guessFormat(text) === 'mermaid' ? 'mmd' : 'yaml'}`;
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const toggleCollapsed = useCallback(
    (group: string) =>
      setCollapsed((now) =>
        now.includes(group) ? now.filter((g) => g !== group) : [...now, group],
      ),
    [],
  );
  const live = useLiveLayout(client, text, file, flow ? [] : collapsed);
  const [selected, setSelected] = useState<string | null>(null);
  const actions = useMemo(() => ({ toggleCollapsed }), [toggleCollapsed]);
  const steps = useMemo<StepHref>(() => (f, s) => shareHref(payload, f, s), [payload]);
  return (
    <div className="fd-editor-diagram fd-shared">
      <div className="fd-share-bar">
        <span>{t('share.readOnly')}</span>
        <button type="button" className="fd-button" onClick={() => void openNewDraft(text)}>
          {t('editor.editCopy')}
        </button>
      </div>
      {live.diagram ? (
        <StepHrefContext.Provider value={steps}>
          <ViewContext.Provider value={actions}>
            <DiagramPane
              diagram={live.diagram}
              flow={flow}
              step={step ?? 1}
              selected={selected}
              setSelected={setSelected}
              toggleCollapsed={toggleCollapsed}
              phase={live.phase}
              error={null}
            />
          </ViewContext.Provider>
        </StepHrefContext.Provider>
      ) : live.error ? (
        <div className="fd-card-error-view" role="alert">
          <h2>{t('diagram.hasErrors')}</h2>
          <pre>{live.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`).join('\n')}</pre>
          <button type="button" className="fd-button" onClick={() => void openNewDraft(text)}>
            {t('editor.editCopy')}
          </button>
        </div>
      ) : (
        <LayoutProgress phase={live.phase} />
      )}
    </div>
  );
}
