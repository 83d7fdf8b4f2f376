import './editor.css';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { draftHref } from '../route.ts';
import { type Draft, openDrafts } from './drafts.ts';

/** `#/drafts`: the drafts kept in this browser, newest first. */
export function DraftList() {
  const t = useT();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const reload = () => void openDrafts().list().then(setDrafts);
  useEffect(reload, []);
  const remove = async (draft: Draft) => {
    if (!window.confirm(t('editor.deleteConfirm', { title: draft.title || t('editor.untitled') })))
      return;
    await openDrafts().remove(draft.id);
    reload();
  };
  return (
    <div className="fd-drafts">
      <h1>{t('editor.draftsTitle')}</h1>
      <p className="fd-muted">{t('editor.draftsLocal')}</p>
      <p>
        <a className="fd-button" href="#/new">
          {t('editor.new')}
        </a>
      </p>
      {drafts && drafts.length === 0 ? <p>{t('editor.draftsEmpty')}</p> : null}
      <ul>
        {(drafts ?? []).map((draft) => (
          <li key={draft.id}>
            <a href={draftHref(draft.id)}>{draft.title || t('editor.untitled')}</a>
            <span className="fd-muted">{draft.language === 'mermaid' ? 'Mermaid' : 'YAML'}</span>
            <time className="fd-muted" dateTime={new Date(draft.updated).toISOString()}>
              {new Date(draft.updated).toLocaleString()}
            </time>
            <button type="button" className="fd-icon-button" onClick={() => void remove(draft)}>
              {t('editor.delete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
