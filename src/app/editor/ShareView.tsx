import { LiveDiagramPane, useLiveDiagram } from './LiveDiagram.tsx';
import './editor.css';
import { useEffect, useMemo, useState } from 'react';
import { guessFormat } from '../../core/parse/guessFormat.ts';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { shareHref } from '../route.ts';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import type { StepHref } from '../view/StepHref.tsx';
import { openNewDraft } from './newDraft.ts';
import { decodeShare } from './share.ts';

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
  const { live, toggleCollapsed } = useLiveDiagram(client, text, file, flow);
  const steps = useMemo<StepHref>(() => (f, s) => shareHref(payload, f, s), [payload]);
  return (
    <div className="fd-editor-diagram fd-shared">
      <div className="fd-share-bar fd-chrome">
        <span>{t('share.readOnly')}</span>
        <button type="button" className="fd-button" onClick={() => void openNewDraft(text)}>
          {t('editor.editCopy')}
        </button>
      </div>
      {live.diagram ? (
        <LiveDiagramPane
          live={{ ...live, diagram: live.diagram }}
          toggleCollapsed={toggleCollapsed}
          steps={steps}
          flow={flow}
          step={step}
        />
      ) : live.error?.reason === 'timeout' ? (
        <div className="fd-card-error-view" role="alert">
          <h2>{t('view.errorTitle')}</h2>
          <p>{t('view.timedOut', { seconds: Math.round(client.timeoutMs / 1000) })}</p>
          <button type="button" className="fd-button" onClick={live.retry}>
            {t('view.retry')}
          </button>
        </div>
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
