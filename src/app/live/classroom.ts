import { useSyncExternalStore } from 'react';
import { PROTOCOL_VERSION } from '../../classroom/protocol.ts';
import { randomId } from '../randomId.ts';
import { setStudentSeat, setTeacherRoom, teacherRoom, teacherSecret } from './gate.ts';
import { createSession, type Session, type SessionState } from './session.ts';
import { createLiveSocket, socketUrl } from './socket.ts';

let session: Session | undefined;

/** The tab's live session, made on first use, on the page's own server. */
export function appSession(): Session {
  session ??= createSession((params) =>
    createLiveSocket({ url: socketUrl(window.location), ...params }),
  );
  return session;
}

export function useSession(): SessionState {
  const store = appSession();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** A small store for the session's own UI (the join card, the roster), shared by its parts. */
export interface LiveUi {
  joinCard: boolean;
  roster: boolean;
  /** Whether a classroom server answers here (`GET /classroom/info`); null while asking. */
  server: boolean | null;
}
let ui: LiveUi = { joinCard: false, roster: false, server: null };
const uiListeners = new Set<() => void>();
export function setLiveUi(next: Partial<LiveUi>) {
  ui = { ...ui, ...next };
  for (const listener of uiListeners) listener();
}
export function useLiveUi(): LiveUi {
  return useSyncExternalStore(
    (listener) => {
      uiListeners.add(listener);
      return () => uiListeners.delete(listener);
    },
    () => ui,
  );
}

let asked: Promise<boolean> | undefined;
/**
 * Whether a classroom server of this protocol serves this page: under
 * `npm start` or a static host there is none, and nothing live shows.
 */
export function findServer(): Promise<boolean> {
  // The dev server (`npm start`) never is one: not even a 404 in the console.
  if (import.meta.hot) {
    setLiveUi({ server: false });
    return Promise.resolve(false);
  }
  asked ??= fetch('/classroom/info', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((info: unknown) => {
      const there =
        typeof info === 'object' &&
        info !== null &&
        (info as { protocol?: unknown }).protocol === PROTOCOL_VERSION;
      setLiveUi({ server: there });
      return there;
    })
    .catch(() => {
      setLiveUi({ server: false });
      return false;
    });
  return asked;
}

/**
 * Starts (or, after a reload, re-attaches to) the teacher's room. A room
 * the server no longer has is forgotten and a new one opened.
 */
export function startTeaching() {
  const secret = teacherSecret();
  if (!secret) return;
  const live = appSession();
  live.startTeacher(secret, teacherRoom);
  const stop = live.onMessage((message) => {
    if (message.type === 'welcome') setTeacherRoom(message.room);
    if (message.type === 'error' && message.code === 'no-room' && teacherRoom()) {
      stop();
      setTeacherRoom(null);
      startTeaching();
    } else if (message.type === 'error' && live.getState().status.kind === 'error') stop();
  });
}

/** Ends the teacher's session in this tab (the server keeps the room's results). */
export function stopTeaching() {
  appSession().stop();
  setTeacherRoom(null);
  setLiveUi({ joinCard: false, roster: false });
}

const ID_KEY = 'flowdeck.live.id';

/** This browser's student id: random, kept, so a reconnect or a reload is the same student. */
export function studentId(): string {
  try {
    const kept = localStorage.getItem(ID_KEY);
    if (kept) return kept;
    const made = randomId();
    localStorage.setItem(ID_KEY, made);
    return made;
  } catch {
    return randomId();
  }
}

/** Joins a class as a student; the seat is kept for the tab once the server welcomes it. */
export function joinClass(room: string, nickname?: string) {
  const live = appSession();
  live.join(room, studentId(), nickname);
  const stop = live.onMessage((message) => {
    if (message.type === 'welcome') setStudentSeat(nickname ? { room, nickname } : { room });
    if (message.type === 'error' && live.getState().status.kind === 'error') {
      setStudentSeat(null);
      stop();
    }
  });
}

/** Leaves the class: no more following, and a reload does not join again. */
export function leaveClass() {
  appSession().stop();
  setStudentSeat(null);
}

/** The session's results as CSV, fetched with the secret (never put in a link the projector could show). */
export async function fetchResults(room: string): Promise<Blob> {
  const secret = teacherSecret() ?? '';
  const response = await fetch(
    `/classroom/${encodeURIComponent(room)}/results.csv?secret=${encodeURIComponent(secret)}`,
  );
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}
