import { useState } from 'react';
import { download } from '../download.ts';
import { useT } from '../i18n/useT.ts';
import { fetchResults, setLiveUi, stopTeaching, useLiveUi } from './classroom.ts';
import type { SessionState } from './session.ts';

/** The teacher's other live actions: who joined (nicknames as text), the results as CSV, the end. */
export function LiveMenu({ session }: { session: SessionState }) {
  const t = useT();
  const ui = useLiveUi();
  const [problem, setProblem] = useState<string | null>(null);
  const room = session.room;
  const saveResults = () => {
    if (!room) return;
    setProblem(null);
    fetchResults(room).then(
      (csv) => download(`flowdeck-${room}-results.csv`, csv, 'text/csv'),
      (error: unknown) =>
        setProblem(t('live.resultsFailed', { message: String((error as Error).message ?? error) })),
    );
  };
  return (
    <details
      className="fd-live-menu"
      open={ui.roster}
      onToggle={(event) => setLiveUi({ roster: event.currentTarget.open })}
    >
      <summary className="fd-icon-button" aria-label={t('live.menu')} title={t('live.menu')}>
        ⋯
      </summary>
      <div className="fd-live-menu-body">
        <h2>{t('live.roster')}</h2>
        {session.roster.length > 0 ? (
          <ol className="fd-live-roster">
            {session.roster.map((name, index) => (
              <li key={index}>{name}</li>
            ))}
          </ol>
        ) : (
          <p className="fd-live-muted">{t('live.rosterEmpty')}</p>
        )}
        <button type="button" onClick={saveResults} disabled={!room}>
          {t('live.results')}
        </button>
        {problem ? <p role="alert">{problem}</p> : null}
        <button type="button" onClick={stopTeaching}>
          {t('live.end')}
        </button>
      </div>
    </details>
  );
}
