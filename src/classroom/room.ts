/**
 * The classroom's rooms as plain state: who is in which room, what the class
 * sees, the questions and their answers. Pure (no sockets, no files, no
 * clock of its own): the server hands it each client message and sends the
 * deliveries it returns, so every rule here is a unit test away.
 *
 * A connection is known by an id the server gives it. A teacher's tab and a
 * student's tab each say `hello` first; a student is known by the id their
 * browser keeps, so their answer survives a reconnect, and two tabs of one
 * browser are one student.
 */
import {
  type ClientMessage,
  type Counts,
  type Cue,
  cleanText,
  MAX_ID,
  MAX_NICKNAME,
  MAX_PROMPT,
  type Question,
  ROOM_ALPHABET,
  ROOM_CODE_LENGTH,
  readCue,
  readScene,
  type Scene,
  type ServerMessage,
} from './protocol.ts';

export interface RoomLimits {
  /** Students connected at once in one room (documented as at least 500). */
  studentsPerRoom: number;
  /** Rooms kept by one server, connected or not. */
  roomsPerServer: number;
}

export const ROOM_LIMITS: RoomLimits = { studentsPerRoom: 1000, roomsPerServer: 50 };
/** Student ids a room remembers, connected or not: past it, a new id is refused as `room-full`. */
const KNOWN_PER_SEAT = 4;
/** A room nobody has used for this long may give way to a new one when the server is full. */
export const IDLE_ROOM_MS = 60 * 60 * 1000;
/** A room left unused for this long is not restored. */
export const FORGOTTEN_ROOM_MS = 30 * 24 * 60 * 60 * 1000;

/** The server's id for one connection. */
export type ConnId = string;

/** One message for some connections: the server serialises it once for all of them. */
export interface Delivery {
  to: readonly ConnId[];
  message: ServerMessage;
}

export interface QuestionResult {
  question: Question;
  /** Per node, how many students chose it. */
  counts: Counts;
  /** Students who answered. */
  answered: number;
  /** Students connected when it was revealed; null while it was never revealed. */
  connectedAtReveal: number | null;
}

export interface RoomsOptions {
  /** Whether `secret` is the teacher's (the server compares in constant time). */
  isTeacherSecret(secret: string): boolean;
  /** A random integer in [0, n), for room codes. */
  randomInt(n: number): number;
  /** Milliseconds since the epoch. */
  now(): number;
  limits?: Partial<RoomLimits>;
  /** What `snapshot()` gave, read defensively: a bad room is skipped, never thrown on. */
  restore?: unknown;
}

export interface HelloContext {
  /** The join page for a room, for the teacher's `welcome`. */
  joinUrl(room: string): string;
}

export interface Rooms {
  /** A client's message; what to send to whom. */
  receive(conn: ConnId, message: ClientMessage, context?: HelloContext): Delivery[];
  /** A connection closed. */
  leave(conn: ConnId): Delivery[];
  /** The teacher's tallies (count, roster, answers) of rooms that changed since the last flush. */
  flush(): Delivery[];
  /** Whether the connection has said a good hello. */
  joined(conn: ConnId): boolean;
  results(room: string): QuestionResult[] | null;
  snapshot(): RoomsSnapshot;
  stats(): { rooms: number; teachers: number; students: number; notAllowed: number };
  /** Goes up whenever `snapshot()` would change: the server saves then. */
  readonly revision: number;
}

export interface RoomsSnapshot {
  version: 1;
  rooms: RoomSnapshot[];
}

interface RoomSnapshot {
  code: string;
  active: number;
  scene: Scene;
  asked: number;
  current: string | null;
  students: { id: string; nickname?: string }[];
  questions: { question: Question; answers: Record<string, string>; connectedAtReveal?: number }[];
}

interface Student {
  id: string;
  nickname?: string;
  conns: Set<ConnId>;
}

interface Asked {
  question: Question;
  /** Student id → node. */
  answers: Map<string, string>;
  connectedAtReveal?: number;
}

interface Room {
  code: string;
  active: number;
  scene: Scene;
  asked: number;
  current: Asked | null;
  questions: Asked[];
  teachers: Set<ConnId>;
  /** In joining order (a Map keeps insertion order). */
  students: Map<string, Student>;
  connected: number;
  rosterChanged: boolean;
  tallyChanged: boolean;
}

type Member = { room: Room; role: 'teacher' } | { room: Room; role: 'student'; student: Student };

const EMPTY_SCENE: Scene = { cue: null, blank: 'none' };

function error(code: Extract<ServerMessage, { type: 'error' }>['code'], message: string) {
  return { v: 1, type: 'error', code, message } as const;
}

/** A room code as typed: spaces dropped, upper case. */
function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export function isRoomCode(code: string): boolean {
  return code.length === ROOM_CODE_LENGTH && [...code].every((c) => ROOM_ALPHABET.includes(c));
}

function countsOf(asked: Asked): Counts {
  const counts: Counts = {};
  for (const node of asked.answers.values()) counts[node] = (counts[node] ?? 0) + 1;
  return counts;
}

export function createRooms(options: RoomsOptions): Rooms {
  const limits: RoomLimits = { ...ROOM_LIMITS, ...options.limits };
  const rooms = new Map<string, Room>();
  const members = new Map<ConnId, Member>();
  let revision = 0;
  let notAllowed = 0;
  for (const room of restoreRooms(options.restore, options.now(), limits)) {
    rooms.set(room.code, room);
  }

  const changed = () => {
    revision++;
  };
  const studentConns = (room: Room) => {
    const conns: ConnId[] = [];
    for (const student of room.students.values()) conns.push(...student.conns);
    return conns;
  };
  const refuse = (conn: ConnId, message: string): Delivery[] => {
    notAllowed++;
    return [{ to: [conn], message: error('not-allowed', message) }];
  };

  function newRoom(code: string | null): Room | string {
    if (rooms.size >= limits.roomsPerServer && !evictIdleRoom()) {
      return `this server keeps at most ${limits.roomsPerServer} rooms`;
    }
    let chosen = code;
    for (let tries = 0; !chosen && tries < 100; tries++) {
      const made = Array.from(
        { length: ROOM_CODE_LENGTH },
        () => ROOM_ALPHABET[options.randomInt(ROOM_ALPHABET.length)],
      ).join('');
      if (!rooms.has(made)) chosen = made;
    }
    if (!chosen) return 'no free room code';
    const room: Room = {
      code: chosen,
      active: options.now(),
      scene: EMPTY_SCENE,
      asked: 0,
      current: null,
      questions: [],
      teachers: new Set(),
      students: new Map(),
      connected: 0,
      rosterChanged: false,
      tallyChanged: false,
    };
    rooms.set(chosen, room);
    changed();
    return room;
  }

  /** Makes way for a new room by forgetting the one unused longest, if it is idle. */
  function evictIdleRoom(): boolean {
    let oldest: Room | undefined;
    for (const room of rooms.values()) {
      if (room.teachers.size > 0 || room.connected > 0) continue;
      if (!oldest || room.active < oldest.active) oldest = room;
    }
    if (!oldest || options.now() - oldest.active < IDLE_ROOM_MS) return false;
    rooms.delete(oldest.code);
    return true;
  }

  function teacherHello(
    conn: ConnId,
    secret: string,
    code: string | undefined,
    context?: HelloContext,
  ): Delivery[] {
    if (!options.isTeacherSecret(secret)) {
      return [{ to: [conn], message: error('bad-secret', 'this is not the teacher link') }];
    }
    const wanted = code === undefined ? null : normaliseCode(code);
    // A room the server no longer has (its data folder was wiped) is made
    // again under its code, so the students' links keep working.
    let room = wanted === null ? undefined : rooms.get(wanted);
    if (!room) {
      if (wanted !== null && !isRoomCode(wanted)) {
        return [{ to: [conn], message: error('no-room', 'there is no such room') }];
      }
      const made = newRoom(wanted);
      if (typeof made === 'string') {
        return [{ to: [conn], message: error('too-many-rooms', made) }];
      }
      room = made;
    }
    room.teachers.add(conn);
    room.active = options.now();
    members.set(conn, { room, role: 'teacher' });
    const current = room.current;
    const welcome: ServerMessage = {
      v: 1,
      type: 'welcome',
      role: 'teacher',
      room: room.code,
      scene: room.scene,
      question: current ? current.question : null,
    };
    if (current?.question.state === 'revealed') welcome.counts = countsOf(current);
    if (context) welcome.joinUrl = context.joinUrl(room.code);
    return [{ to: [conn], message: welcome }, ...tallies(room, [conn], true)];
  }

  function studentHello(
    conn: ConnId,
    code: string,
    id: string,
    nickname: string | undefined,
  ): Delivery[] {
    const room = rooms.get(normaliseCode(code));
    if (!room) return [{ to: [conn], message: error('no-room', 'there is no such room') }];
    let student = room.students.get(id);
    const seated = student !== undefined && student.conns.size > 0;
    if (!seated && room.connected >= limits.studentsPerRoom) {
      return [{ to: [conn], message: error('room-full', 'this room is full') }];
    }
    if (!student) {
      if (room.students.size >= limits.studentsPerRoom * KNOWN_PER_SEAT) {
        return [{ to: [conn], message: error('room-full', 'this room is full') }];
      }
      student = { id, conns: new Set() };
      room.students.set(id, student);
      changed();
    }
    const name = cleanText(nickname, MAX_NICKNAME);
    if (name !== undefined && name !== student.nickname) {
      student.nickname = name;
      changed();
    }
    if (student.conns.size === 0) room.connected++;
    student.conns.add(conn);
    room.rosterChanged = true;
    room.tallyChanged = true;
    members.set(conn, { room, role: 'student', student });
    const current = room.current;
    const welcome: ServerMessage = {
      v: 1,
      type: 'welcome',
      role: 'student',
      room: room.code,
      scene: room.scene,
      question: current ? current.question : null,
    };
    const mine = current?.answers.get(student.id);
    if (mine !== undefined) welcome.mine = mine;
    if (current?.question.state === 'revealed') welcome.counts = countsOf(current);
    return [{ to: [conn], message: welcome }];
  }

  /** Count, roster and answers for the teacher; `all` sends them even if unchanged. */
  function tallies(room: Room, to: readonly ConnId[], all: boolean): Delivery[] {
    const out: Delivery[] = [];
    if (to.length === 0) return out;
    if (all || room.tallyChanged) {
      out.push({ to, message: { v: 1, type: 'count', students: room.connected } });
    }
    if (all || room.rosterChanged) {
      const names: string[] = [];
      for (const s of room.students.values()) {
        if (s.conns.size > 0 && s.nickname) names.push(s.nickname);
      }
      out.push({ to, message: { v: 1, type: 'roster', names } });
    }
    const current = room.current;
    if (current && current.question.state === 'open' && (all || room.tallyChanged)) {
      let answered = 0;
      for (const [id] of current.answers) {
        if ((room.students.get(id)?.conns.size ?? 0) > 0) answered++;
      }
      out.push({
        to,
        message: {
          v: 1,
          type: 'answers',
          question: current.question.id,
          answered,
          of: room.connected,
        },
      });
    }
    return out;
  }

  function teacherSays(conn: ConnId, room: Room, message: ClientMessage): Delivery[] {
    room.active = options.now();
    const teachers = [...room.teachers];
    switch (message.type) {
      case 'scene':
        room.scene = message.scene;
        changed();
        return [{ to: studentConns(room), message: { v: 1, type: 'scene', scene: message.scene } }];
      case 'ask': {
        room.asked++;
        const question: Question = { id: `q${room.asked}`, cue: message.cue, state: 'open' };
        if (message.prompt) question.prompt = message.prompt;
        const asked: Asked = { question, answers: new Map() };
        room.questions.push(asked);
        room.current = asked;
        changed();
        return [
          {
            to: [...studentConns(room), ...teachers],
            message: { v: 1, type: 'question', question },
          },
          {
            to: teachers,
            message: {
              v: 1,
              type: 'answers',
              question: question.id,
              answered: 0,
              of: room.connected,
            },
          },
        ];
      }
      case 'reveal': {
        const current = room.current;
        if (!current || current.question.state !== 'open') {
          return [{ to: [conn], message: error('locked', 'no question is open') }];
        }
        current.question = { ...current.question, state: 'revealed' };
        if (message.expected) current.question.expected = message.expected;
        current.connectedAtReveal = room.connected;
        changed();
        const counts = countsOf(current);
        return [
          {
            to: [...studentConns(room), ...teachers],
            message: { v: 1, type: 'question', question: current.question, counts },
          },
        ];
      }
      case 'dismiss':
        if (!room.current) return [];
        room.current = null;
        changed();
        return [
          {
            to: [...studentConns(room), ...teachers],
            message: { v: 1, type: 'question', question: null },
          },
        ];
      default:
        return refuse(conn, 'teachers do not answer');
    }
  }

  function studentAnswers(
    conn: ConnId,
    room: Room,
    student: Student,
    question: string,
    node: string,
  ): Delivery[] {
    const current = room.current;
    if (!current || current.question.id !== question || current.question.state !== 'open') {
      return [{ to: [conn], message: error('locked', 'this question takes no more answers') }];
    }
    if (current.answers.get(student.id) !== node) {
      current.answers.set(student.id, node);
      room.tallyChanged = true;
      changed();
    }
    room.active = options.now();
    return [{ to: [...student.conns], message: { v: 1, type: 'answered', question, node } }];
  }

  function handle(conn: ConnId, message: ClientMessage, context?: HelloContext): Delivery[] {
    if (message.type === 'ping') return [{ to: [conn], message: { v: 1, type: 'pong' } }];
    const member = members.get(conn);
    if (message.type === 'hello') {
      if (member) return refuse(conn, 'this connection has said hello already');
      return message.role === 'teacher'
        ? teacherHello(conn, message.secret, message.room, context)
        : studentHello(conn, message.room, message.id, message.nickname);
    }
    if (!member) return refuse(conn, 'say hello first');
    if (member.role === 'teacher') return teacherSays(conn, member.room, message);
    if (message.type !== 'answer') return refuse(conn, 'only the teacher does this');
    return studentAnswers(conn, member.room, member.student, message.question, message.node);
  }

  return {
    receive(conn, message, context) {
      return handle(conn, message, context).filter((d) => d.to.length > 0);
    },

    leave(conn) {
      const member = members.get(conn);
      if (!member) return [];
      members.delete(conn);
      const { room } = member;
      if (member.role === 'teacher') {
        room.teachers.delete(conn);
        return [];
      }
      member.student.conns.delete(conn);
      if (member.student.conns.size === 0) {
        room.connected--;
        room.rosterChanged = true;
        room.tallyChanged = true;
      }
      return [];
    },

    flush() {
      const out: Delivery[] = [];
      for (const room of rooms.values()) {
        if (!room.rosterChanged && !room.tallyChanged) continue;
        out.push(...tallies(room, [...room.teachers], false));
        room.rosterChanged = false;
        room.tallyChanged = false;
      }
      return out;
    },

    joined: (conn) => members.has(conn),

    results(code) {
      const room = rooms.get(normaliseCode(code));
      if (!room) return null;
      return room.questions.map((asked) => ({
        question: asked.question,
        counts: countsOf(asked),
        answered: asked.answers.size,
        connectedAtReveal: asked.connectedAtReveal ?? null,
      }));
    },

    snapshot() {
      return {
        version: 1,
        rooms: [...rooms.values()].map((room) => ({
          code: room.code,
          active: room.active,
          scene: room.scene,
          asked: room.asked,
          current: room.current ? room.current.question.id : null,
          students: [...room.students.values()].map((s) =>
            s.nickname ? { id: s.id, nickname: s.nickname } : { id: s.id },
          ),
          questions: room.questions.map((asked) => {
            const saved: RoomSnapshot['questions'][number] = {
              question: asked.question,
              answers: Object.fromEntries(asked.answers),
            };
            if (asked.connectedAtReveal !== undefined) {
              saved.connectedAtReveal = asked.connectedAtReveal;
            }
            return saved;
          }),
        })),
      };
    },

    stats() {
      let teachers = 0;
      let students = 0;
      for (const room of rooms.values()) {
        teachers += room.teachers.size;
        students += room.connected;
      }
      return { rooms: rooms.size, teachers, students, notAllowed };
    },

    get revision() {
      return revision;
    },
  };
}

// ---------------------------------------------------------------- restoring

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

function restoreQuestion(value: unknown): Asked | null {
  if (!isFields(value) || !isFields(value.question) || !isFields(value.answers)) return null;
  const { id, state, prompt, expected } = value.question;
  const cue: Cue | null = readCue(value.question.cue);
  if (!isId(id) || !cue || (state !== 'open' && state !== 'revealed')) return null;
  const question: Question = { id, cue, state };
  const text = cleanText(prompt, MAX_PROMPT);
  if (text) question.prompt = text;
  if (Array.isArray(expected) && expected.every(isId)) question.expected = expected;
  const answers = new Map<string, string>();
  for (const [student, node] of Object.entries(value.answers)) {
    if (isId(student) && isId(node)) answers.set(student, node);
  }
  const asked: Asked = { question, answers };
  const atReveal = value.connectedAtReveal;
  if (typeof atReveal === 'number' && Number.isInteger(atReveal) && atReveal >= 0) {
    asked.connectedAtReveal = atReveal;
  }
  return asked;
}

function restoreRoom(value: unknown, limits: RoomLimits): Room | null {
  if (!isFields(value) || typeof value.code !== 'string' || !isRoomCode(value.code)) return null;
  const scene = readScene(value.scene);
  if (!scene || typeof value.active !== 'number') return null;
  const room: Room = {
    code: value.code,
    active: value.active,
    scene,
    asked: 0,
    current: null,
    questions: [],
    teachers: new Set(),
    students: new Map(),
    connected: 0,
    rosterChanged: false,
    tallyChanged: false,
  };
  const students = Array.isArray(value.students) ? value.students : [];
  for (const s of students.slice(0, limits.studentsPerRoom * KNOWN_PER_SEAT)) {
    if (!isFields(s) || !isId(s.id)) continue;
    const student: Student = { id: s.id, conns: new Set() };
    const nickname = cleanText(s.nickname, MAX_NICKNAME);
    if (nickname) student.nickname = nickname;
    room.students.set(s.id, student);
  }
  const questions = Array.isArray(value.questions) ? value.questions : [];
  for (const q of questions) {
    const asked = restoreQuestion(q);
    if (asked) room.questions.push(asked);
  }
  const asked = Number(value.asked);
  room.asked =
    Number.isInteger(asked) && asked >= room.questions.length ? asked : room.questions.length;
  room.current = room.questions.find((q) => q.question.id === value.current) ?? null;
  return room;
}

/** The rooms of a snapshot that are still worth keeping, newest first, within the limits. */
function restoreRooms(value: unknown, now: number, limits: RoomLimits): Room[] {
  if (!isFields(value) || value.version !== 1 || !Array.isArray(value.rooms)) return [];
  const rooms: Room[] = [];
  for (const saved of value.rooms) {
    const room = restoreRoom(saved, limits);
    if (room && now - room.active < FORGOTTEN_ROOM_MS && !rooms.some((r) => r.code === room.code)) {
      rooms.push(room);
    }
  }
  return rooms.sort((a, b) => b.active - a.active).slice(0, limits.roomsPerServer);
}
