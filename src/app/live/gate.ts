/**
 * The live classroom's doorstep, loaded with the app (keep it tiny): it
 * takes the teacher's secret out of the address bar before anything draws,
 * and says whether this tab has anything live to load at all. The session
 * itself (socket, controls, join page) loads only then.
 */

const SECRET_KEY = 'flowdeck.live.teacher';
const TEACHER_ROOM_KEY = 'flowdeck.live.room';
const STUDENT_KEY = 'flowdeck.live.student';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage blocked: the session works, it just will not survive a reload.
  }
}

/**
 * Moves `?teacher=<secret>` from the link `flowdeck serve` prints into this
 * tab's session storage, and out of the address bar (a projector must never
 * show it). The tab stays the teacher's while it navigates and reloads.
 */
export function takeTeacherSecret(location: Location = window.location) {
  const params = new URLSearchParams(location.search);
  const secret = params.get('teacher');
  if (secret === null) return;
  params.delete('teacher');
  if (secret) {
    // A new secret is a new teacher: any room the tab had belonged to another server.
    if (read(SECRET_KEY) !== secret) write(TEACHER_ROOM_KEY, null);
    write(SECRET_KEY, secret);
  }
  const search = params.toString();
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${search ? `?${search}` : ''}${location.hash}`,
  );
}

export function teacherSecret(): string | null {
  return read(SECRET_KEY) || null;
}

/** The room this teacher's tab runs, so a reload re-attaches to it. */
export function teacherRoom(): string | null {
  return read(TEACHER_ROOM_KEY) || null;
}
export function setTeacherRoom(room: string | null) {
  write(TEACHER_ROOM_KEY, room);
}

/** The class this tab joined as a student (room and nickname), so a reload joins it again. */
export interface StudentSeat {
  room: string;
  nickname?: string;
}
export function studentSeat(): StudentSeat | null {
  try {
    const seat: unknown = JSON.parse(read(STUDENT_KEY) ?? 'null');
    if (typeof seat !== 'object' || seat === null) return null;
    const { room, nickname } = seat as { room?: unknown; nickname?: unknown };
    if (typeof room !== 'string' || !room) return null;
    return typeof nickname === 'string' && nickname ? { room, nickname } : { room };
  } catch {
    return null;
  }
}
export function setStudentSeat(seat: StudentSeat | null) {
  write(STUDENT_KEY, seat ? JSON.stringify(seat) : null);
}

/** Whether this tab has a live session to load: a teacher's, a student's, or the join page. */
export function liveWanted(hash: string = window.location.hash): boolean {
  return /^#\/join(\/|$)/.test(hash) || teacherSecret() !== null || studentSeat() !== null;
}
