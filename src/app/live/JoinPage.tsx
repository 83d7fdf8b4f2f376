import './live.css';
import { type FormEvent, useEffect, useState } from 'react';
import { MAX_NICKNAME, ROOM_ALPHABET, ROOM_CODE_LENGTH } from '../../classroom/protocol.ts';
import { useT } from '../i18n/useT.ts';
import { findServer, joinClass, leaveClass, useLiveUi, useSession } from './classroom.ts';
import { studentSeat } from './gate.ts';
import { StatusText } from './StatusText.tsx';

/** What a typed code may hold: the room alphabet, in capitals (a phone may give lower case). */
function cleanCode(text: string): string {
  const upper = text.toUpperCase();
  return [...upper]
    .filter((c) => ROOM_ALPHABET.includes(c))
    .join('')
    .slice(0, ROOM_CODE_LENGTH);
}

/**
 * `#/join[/<code>]`: a student joins the teacher's class with the room code
 * (filled in from the link or the QR code) and, if they like, a nickname.
 * Once in, the tab follows the teacher; until the teacher shows a diagram it
 * waits here.
 */
export function JoinPage({ code = '' }: { code?: string | undefined }) {
  const t = useT();
  const session = useSession();
  const { server } = useLiveUi();
  const [room, setRoom] = useState(() => cleanCode(code || studentSeat()?.room || ''));
  const [nickname, setNickname] = useState(() => studentSeat()?.nickname ?? '');
  useEffect(() => {
    void findServer();
  }, []);

  const joined = session.role === 'student' && session.status.kind !== 'error';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (room.length !== ROOM_CODE_LENGTH) return;
    joinClass(room, nickname.trim() || undefined);
  };

  return (
    <div className="fd-join">
      <h1>{t('join.title')}</h1>
      {server === false ? (
        <p className="fd-join-problem" role="alert">
          {t('join.noServer')}
        </p>
      ) : joined ? (
        <div className="fd-join-in" role="status">
          <p>
            {session.status.kind === 'live' ? (
              t('join.waiting', { room: session.room ?? room })
            ) : (
              <StatusText session={session} />
            )}
          </p>
          <button type="button" className="fd-button" onClick={leaveClass}>
            {t('join.leave')}
          </button>
        </div>
      ) : (
        <form className="fd-join-form" onSubmit={submit}>
          <label>
            <span>{t('join.code')}</span>
            <input
              className="fd-join-code"
              value={room}
              onChange={(event) => setRoom(cleanCode(event.target.value))}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              inputMode="text"
              required
              minLength={ROOM_CODE_LENGTH}
              maxLength={ROOM_CODE_LENGTH}
              aria-describedby="fd-join-hint"
            />
          </label>
          <p id="fd-join-hint" className="fd-join-hint">
            {t('join.hint')}
          </p>
          <label>
            <span>{t('join.nickname')}</span>
            <input
              value={nickname}
              onChange={(event) => setNickname(event.target.value.slice(0, MAX_NICKNAME))}
              autoComplete="nickname"
              maxLength={MAX_NICKNAME}
            />
          </label>
          {session.status.kind === 'error' ? (
            <p className="fd-join-problem" role="alert">
              <StatusText session={session} />
            </p>
          ) : null}
          <button
            type="submit"
            className="fd-button fd-join-submit"
            disabled={room.length !== ROOM_CODE_LENGTH || server !== true}
          >
            {t('join.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
