import './live.css';
import { sameCue } from '../../classroom/protocol.ts';
import { useT } from '../i18n/useT.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { setLiveUi, startTeaching, useLiveUi, useSession } from './classroom.ts';
import { teacherSecret } from './gate.ts';
import { LiveMenu } from './LiveMenu.tsx';
import { student, teacher } from './roles.ts';
import { StatusText } from './StatusText.tsx';
import type { SessionState } from './session.ts';

/**
 * The live session over a diagram or deck view (top left of the stage,
 * chrome the camera frames around): the teacher's way in and badge, or a
 * student's "Following the class" / "Back to the class" and question.
 */
export function LiveStage() {
  const session = useSession();
  if (session.role === 'student') return <StudentStage session={session} />;
  if (teacherSecret() !== null) return <TeacherStage session={session} />;
  return null;
}

function TeacherStage({ session }: { session: SessionState }) {
  const t = useT();
  const ui = useLiveUi();
  const { showing, on } = usePlayback();
  // Under `npm start` or a static host there is no classroom server: nothing live shows.
  if (ui.server !== true) return null;
  if (session.role === null) {
    // A draft, a shared link or an embed is not the class's to follow.
    if (!showing?.cue) return null;
    return (
      <div className="fd-live-badge fd-chrome">
        <button
          type="button"
          className="fd-icon-button fd-live-start"
          onClick={startTeaching}
          title={t('live.startHint')}
        >
          <span className="fd-live-dot" aria-hidden="true" />
          {t('live.start')}
        </button>
      </div>
    );
  }
  const question = session.question;
  const asking = question?.state === 'open' && sameCue(question.cue, showing?.cue ?? null);
  const canAsk =
    showing?.cue != null &&
    showing.timeline !== null &&
    showing.step < showing.timeline.steps.length - 1;
  return (
    <>
      {/* The class reads the question on the projector too. */}
      {asking ? (
        <p className="fd-live-prompt fd-chrome" role="status">
          <strong>{question.prompt ?? t('live.prompt')}</strong>
        </p>
      ) : null}
      <div className="fd-live-badge fd-chrome" data-status={session.status.kind}>
        <span className="fd-live-where">
          <span className="fd-live-dot" aria-hidden="true" />
          <StatusText session={session} />
        </span>
        {session.status.kind === 'live' ? (
          <span className="fd-live-count" role="status">
            {t('live.students', { count: session.students })}
          </span>
        ) : null}
        {question?.state === 'open' ? (
          <span className="fd-live-answers" role="status">
            {t('live.answered', {
              answered: session.answers?.answered ?? 0,
              of: session.answers?.of ?? session.students,
            })}
            {on ? null : <span className="fd-live-hint"> · {t('live.revealHint')}</span>}
          </span>
        ) : null}
        {session.status.kind === 'live' ? (
          <span className="fd-live-actions">
            <button
              type="button"
              className="fd-icon-button"
              disabled={!canAsk || asking}
              onClick={() => teacher()?.ask()}
              title={t('live.askHint')}
            >
              {t('live.ask')}
            </button>
            <button
              type="button"
              className="fd-icon-button"
              aria-pressed={ui.joinCard}
              onClick={() => setLiveUi({ joinCard: !ui.joinCard })}
              title={`${t('live.joinCard')} (j)`}
            >
              {t('live.joinCard')}
            </button>
            <LiveMenu session={session} />
          </span>
        ) : null}
      </div>
    </>
  );
}

function StudentStage({ session }: { session: SessionState }) {
  const t = useT();
  const { showing } = usePlayback();
  const question = session.question;
  const onQuestion = question !== null && sameCue(showing?.cue ?? null, question.cue);
  const labelOf = (id: string) => showing?.diagram.nodes.find((n) => n.id === id)?.label || id;
  const expected = question?.expected ?? [];
  const shown = question?.state === 'revealed' && session.askedOn?.question === question.id;
  return (
    <>
      <div className="fd-live-badge fd-chrome" data-status={session.status.kind}>
        {session.status.kind === 'live' && session.following ? (
          <span className="fd-live-where" role="status">
            <span className="fd-live-dot" aria-hidden="true" />
            {t('live.following')}
          </span>
        ) : session.status.kind === 'live' ? (
          <button
            type="button"
            className="fd-icon-button fd-live-back"
            onClick={() => student()?.backToClass()}
          >
            {t('live.back')}
          </button>
        ) : (
          <span className="fd-live-where" role="status">
            <span className="fd-live-dot" aria-hidden="true" />
            <StatusText session={session} />
          </span>
        )}
      </div>
      {question?.state === 'open' && onQuestion ? (
        <p className="fd-live-prompt fd-chrome" role="status">
          <strong>{question.prompt ?? t('live.prompt')}</strong>
          {session.mine ? <span> {t('live.picked', { node: labelOf(session.mine) })}</span> : null}
        </p>
      ) : shown && expected.length > 0 ? (
        <p
          className="fd-live-prompt fd-chrome"
          role="status"
          data-result={
            session.mine === null ? 'none' : expected.includes(session.mine) ? 'right' : 'wrong'
          }
        >
          <strong>
            {session.mine === null
              ? t('live.nextIs', { node: expected.map(labelOf).join(', ') })
              : expected.includes(session.mine)
                ? t('live.right', { node: labelOf(session.mine) })
                : t('live.wrong', { node: expected.map(labelOf).join(', ') })}
          </strong>
        </p>
      ) : null}
    </>
  );
}
