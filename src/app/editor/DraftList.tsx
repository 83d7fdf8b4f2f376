import './editor.css';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { draftHref } from '../route.ts';
import { type Draft, openDrafts, recoverBackup } from './drafts.ts';
import { draftTitle } from './draftTitle.ts';

/** `#/drafts`: the drafts kept in this browser, newest first. */
export function DraftList() {
  const t = useT();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const reload = () => {
    const store = openDrafts();
    // The editor just left keeps its last keystrokes in a backup until they are saved.
    void recoverBackup(store)
      .then(() => store.list())
      .then(setDrafts);
  };
  useEffect(reload, []);
  const nameOf = (draft: Draft) => draftTitle(draft) || t('editor.untitled');
  const remove = async (draft: Draft) => {
    if (!window.confirm(t('editor.deleteConfirm', { title: nameOf(draft) }))) return;
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
            <a href={draftHref(draft.id)}>{nameOf(draft)}</a>
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
