import type {
  ClientMessage,
  Counts,
  ErrorCode,
  Question,
  Scene,
  ServerMessage,
} from '../../classroom/protocol.ts';
import type { LiveSocket, LiveSocketParams, SocketStatus } from './socket.ts';

export type Role = 'teacher' | 'student';

/** Where the connection is; `error` ends the session (a wrong code, a full room…). */
export type LiveStatus =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'reconnecting' }
  | { kind: 'error'; code: ErrorCode };

/** The live session as this tab knows it. */
export interface SessionState {
  role: Role | null;
  status: LiveStatus;
  room: string | null;
  /** Teacher: the join page's address, for the join card. */
  joinUrl: string | null;
  /** Teacher: students connected, and the nicknames given. */
  students: number;
  roster: string[];
  /** What the class sees (a student's tab follows it). */
  scene: Scene | null;
  question: Question | null;
  /** Per node, once the question is revealed. */
  counts: Counts | null;
  /** Teacher: how many of those connected answered the open question. */
  answers: { answered: number; of: number } | null;
  /** Student: their answer to the question. */
  mine: string | null;
  /** Student: whether teacher moves move this tab (false once they look around alone). */
  following: boolean;
  /** The diagram the question was asked on, once this tab has shown it: counts are drawn there only. */
  askedOn: { question: string; diagram: string } | null;
}

export type SessionEvent =
  | ServerMessage
  | { type: 'start'; role: Role }
  | { type: 'stop' }
  | { type: 'socket'; status: SocketStatus }
  | { type: 'pick'; node: string }
  | { type: 'follow'; following: boolean }
  | { type: 'asked-on'; question: string; diagram: string };

export const INITIAL: SessionState = {
  role: null,
  status: { kind: 'off' },
  room: null,
  joinUrl: null,
  students: 0,
  roster: [],
  scene: null,
  question: null,
  counts: null,
  answers: null,
  mine: null,
  following: true,
  askedOn: null,
};

/** Errors that end the session: trying again would only get the same answer. */
const FATAL: ReadonlySet<ErrorCode> = new Set([
  'version',
  'bad-secret',
  'no-room',
  'room-full',
  'too-many-rooms',
]);

export function isFatal(code: ErrorCode): boolean {
  return FATAL.has(code);
}

/** What a question coming in leaves of the state's answers and counts. */
function withQuestion(state: SessionState, question: Question | null, counts?: Counts) {
  const same = question !== null && question.id === state.question?.id;
  return {
    ...state,
    question,
    counts: question?.state === 'revealed' ? (counts ?? state.counts ?? {}) : null,
    answers: same ? state.answers : null,
    mine: same ? state.mine : null,
    askedOn: same ? state.askedOn : null,
  };
}

/** The session's one reducer: a server message, the socket's status or the tab's own move. */
export function reduce(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'start':
      return { ...INITIAL, role: event.role, status: { kind: 'connecting' } };
    case 'stop':
      return INITIAL;
    case 'socket':
      if (state.status.kind === 'error' || state.status.kind === 'off') return state;
      if (event.status === 'closed') return { ...state, status: { kind: 'off' } };
      if (event.status === 'reconnecting') return { ...state, status: { kind: 'reconnecting' } };
      return state;
    case 'welcome': {
      const next = withQuestion(
        { ...state, status: { kind: 'live' }, room: event.room, scene: event.scene },
        event.question,
        event.counts,
      );
      if (event.joinUrl) next.joinUrl = event.joinUrl;
      if (event.question && event.mine) next.mine = event.mine;
      return next;
    }
    case 'scene':
      return { ...state, scene: event.scene };
    case 'count':
      return { ...state, students: event.students };
    case 'roster':
      return { ...state, roster: event.names };
    case 'question':
      return withQuestion(state, event.question, event.counts);
    case 'answers':
      return event.question === state.question?.id
        ? { ...state, answers: { answered: event.answered, of: event.of } }
        : state;
    case 'answered':
      return event.question === state.question?.id ? { ...state, mine: event.node } : state;
    case 'pick':
      return state.question?.state === 'open' ? { ...state, mine: event.node } : state;
    case 'follow':
      return { ...state, following: event.following };
    case 'asked-on':
      return event.question === state.question?.id
        ? { ...state, askedOn: { question: event.question, diagram: event.diagram } }
        : state;
    case 'error':
      return isFatal(event.code)
        ? { ...state, status: { kind: 'error', code: event.code } }
        : state;
    case 'pong':
      return state;
  }
}

/** How the session opens its socket (tests hand in a fake). */
export type Connect = (
  params: Pick<LiveSocketParams, 'hello' | 'onMessage' | 'onStatus'>,
) => LiveSocket;

export interface Session {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Connects as the teacher; `room()` says which room to re-attach to (none: a new one). */
  startTeacher(secret: string, room: () => string | null): void;
  /** Connects as a student of `room`. */
  join(room: string, id: string, nickname?: string): void;
  /** Sends a message if connected; false when it could not go. */
  send(message: ClientMessage): boolean;
  /** Student: chooses a node for the open question. */
  pick(node: string): void;
  follow(following: boolean): void;
  /** Notes the diagram the open question shows on (where its counts are drawn). */
  askedOn(question: string, diagram: string): void;
  /** Disconnects and forgets the session. */
  stop(): void;
  /** Told every server message after the state took it (a teacher tab's logic hangs here). */
  onMessage(listener: (message: ServerMessage) => void): () => void;
}

/** The live session: one socket, one state, read with `useSyncExternalStore`. */
export function createSession(connect: Connect): Session {
  let state = INITIAL;
  let socket: LiveSocket | null = null;
  const listeners = new Set<() => void>();
  const messageListeners = new Set<(message: ServerMessage) => void>();

  const dispatch = (event: SessionEvent) => {
    const next = reduce(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const open = (role: Role, hello: () => ClientMessage) => {
    socket?.close();
    socket = null;
    dispatch({ type: 'start', role });
    // The socket reports its status while it is being made: `current` tells
    // this connection's reports from an older one's.
    const current = { socket: null as LiveSocket | null };
    const ours = () => socket === current.socket || current.socket === null;
    current.socket = connect({
      hello,
      onStatus: (status) => {
        if (ours()) dispatch({ type: 'socket', status });
      },
      onMessage: (message) => {
        if (!ours()) return;
        dispatch(message);
        if (message.type === 'error' && isFatal(message.code)) {
          socket = null;
          current.socket?.close();
        }
        for (const listener of messageListeners) listener(message);
      },
    });
    socket = current.socket;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startTeacher(secret, room) {
      open('teacher', () => {
        const attach = room();
        return attach
          ? { v: 1, type: 'hello', role: 'teacher', secret, room: attach }
          : { v: 1, type: 'hello', role: 'teacher', secret };
      });
    },
    join(room, id, nickname) {
      open('student', () =>
        nickname
          ? { v: 1, type: 'hello', role: 'student', room, id, nickname }
          : { v: 1, type: 'hello', role: 'student', room, id },
      );
    },
    send: (message) => socket?.send(message) ?? false,
    pick(node) {
      const question = state.question;
      if (!question || question.state !== 'open') return;
      dispatch({ type: 'pick', node });
      socket?.send({ v: 1, type: 'answer', question: question.id, node });
    },
    follow: (following) => dispatch({ type: 'follow', following }),
    askedOn: (question, diagram) => dispatch({ type: 'asked-on', question, diagram }),
    stop() {
      const old = socket;
      socket = null;
      old?.close();
      dispatch({ type: 'stop' });
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
  };
}
