import './live.css';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { isTyping } from '../isTyping.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { navigate } from '../route.ts';
import { requestReframe } from '../view/reframe.ts';
import {
  appSession,
  findServer,
  joinClass,
  setLiveUi,
  startTeaching,
  useLiveUi,
  useSession,
} from './classroom.ts';
import { studentSeat, teacherRoom, teacherSecret } from './gate.ts';
import { JoinCard } from './JoinCard.tsx';
import { setStudent, setTeacher, teacher } from './roles.ts';
import { startStudent } from './student.ts';
import { startTeacher } from './teacher.ts';

/**
 * The live session's part of the page, mounted by the app in a tab that has
 * one: it starts the teacher's or the student's side, holds the keys (`j`
 * the join card, `?` ask while presenting) and draws what covers the whole
 * page (the join card, a blank the teacher put up).
 */
export function LiveLayer() {
  const session = useSession();
  const ui = useLiveUi();
  const isTeacher = teacherSecret() !== null;

  // A teacher's tab: only where a classroom server answers; after a reload, back into its room.
  useEffect(() => {
    if (!isTeacher) return;
    void findServer().then((there) => {
      if (there && teacherRoom() && appSession().getState().role === null) startTeaching();
    });
  }, [isTeacher]);

  // A student's tab that joined before a reload joins again.
  useEffect(() => {
    const seat = studentSeat();
    if (!isTeacher && seat && appSession().getState().role === null) {
      joinClass(seat.room, seat.nickname);
    }
  }, [isTeacher]);

  const role = session.role;
  useEffect(() => {
    if (role === 'teacher') {
      const started = startTeacher(appSession(), playbackStore());
      setTeacher(started);
      return () => {
        started.destroy();
        setTeacher(null);
      };
    }
    if (role === 'student') {
      const started = startStudent(appSession(), {
        hash: () => window.location.hash,
        go: (hash) => navigate(hash, { replace: true }),
        onHashChange: (listener) => {
          window.addEventListener('hashchange', listener);
          return () => window.removeEventListener('hashchange', listener);
        },
        reframe: requestReframe,
      });
      setStudent(started);
      return () => {
        started.destroy();
        setStudent(null);
      };
    }
    return undefined;
  }, [role]);

  useEffect(() => {
    if (role !== 'teacher') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'j') setLiveUi({ joinCard: !ui.joinCard });
      else if (event.key === 'Escape' && ui.joinCard) setLiveUi({ joinCard: false });
      else if (event.key === '?' && playbackStore().getState().on) teacher()?.ask();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [role, ui.joinCard]);

  const blank = role === 'student' ? (session.scene?.blank ?? 'none') : 'none';
  return createPortal(
    <>
      {role === 'teacher' && ui.joinCard && session.room ? (
        <JoinCard
          room={session.room}
          url={session.joinUrl}
          onClose={() => setLiveUi({ joinCard: false })}
        />
      ) : null}
      {blank !== 'none' ? (
        <div className="fd-live-blank" data-blank={blank} aria-hidden="true" />
      ) : null}
    </>,
    document.body,
  );
}
