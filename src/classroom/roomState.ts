/**
 * A room's state, and the same as plain JSON for `rooms.json`: what
 * `snapshotRooms()` writes, `restoreRooms()` reads back defensively (a room
 * that cannot be read is skipped, never thrown on). Pure. The rules that
 * change this state are in room.ts.
 */
import {
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
} from './protocol.ts';

export interface RoomLimits {
  /** Students connected at once in one room (documented as at least 500). */
  studentsPerRoom: number;
  /** Rooms kept by one server, connected or not. */
  roomsPerServer: number;
}

export const ROOM_LIMITS: RoomLimits = { studentsPerRoom: 1000, roomsPerServer: 50 };
/** Student ids a room remembers, connected or not: past it, a new id is refused as `room-full`. */
export const KNOWN_PER_SEAT = 4;
/** A room left unused for this long is not restored. */
export const FORGOTTEN_ROOM_MS = 30 * 24 * 60 * 60 * 1000;

export interface RoomsSnapshot {
  version: 1;
  rooms: RoomSnapshot[];
}

export interface RoomSnapshot {
  code: string;
  active: number;
  scene: Scene;
  asked: number;
  current: string | null;
  students: { id: string; nickname?: string }[];
  questions: { question: Question; answers: Record<string, string>; connectedAtReveal?: number }[];
}

export interface Student {
  id: string;
  nickname?: string;
  conns: Set<string>;
}

export interface Asked {
  question: Question;
  /** Student id → node. */
  answers: Map<string, string>;
  connectedAtReveal?: number;
}

export interface Room {
  code: string;
  active: number;
  scene: Scene;
  asked: number;
  current: Asked | null;
  questions: Asked[];
  teachers: Set<string>;
  /** In joining order (a Map keeps insertion order). */
  students: Map<string, Student>;
  connected: number;
  rosterChanged: boolean;
  tallyChanged: boolean;
}

export function isRoomCode(code: string): boolean {
  return code.length === ROOM_CODE_LENGTH && [...code].every((c) => ROOM_ALPHABET.includes(c));
}

/** A room with no one in it yet. */
export function emptyRoom(code: string, now: number): Room {
  return {
    code,
    active: now,
    scene: { cue: null, blank: 'none' },
    asked: 0,
    current: null,
    questions: [],
    teachers: new Set(),
    students: new Map(),
    connected: 0,
    rosterChanged: false,
    tallyChanged: false,
  };
}

/** Rooms as plain JSON: what `restoreRooms()` reads back. Connections are not kept. */
export function snapshotRooms(rooms: Iterable<Room>): RoomsSnapshot {
  return {
    version: 1,
    rooms: [...rooms].map((room) => ({
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
        if (asked.connectedAtReveal !== undefined)
          saved.connectedAtReveal = asked.connectedAtReveal;
        return saved;
      }),
    })),
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
  const room: Room = { ...emptyRoom(value.code, value.active), scene };
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
export function restoreRooms(value: unknown, now: number, limits: RoomLimits): Room[] {
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
