/**
 * The live classroom's wire protocol: what the teacher's tab, the students'
 * tabs and `flowdeck serve` say to each other over one WebSocket each. Pure
 * (no DOM, no Node), shared by the server and the app. Every message is one
 * JSON text frame with the protocol version `v`; a reader returns null for
 * anything that is not a well-formed message of this version, and the
 * server drops (and counts) those.
 */

export const PROTOCOL_VERSION = 1;
/** The path of the WebSocket on the server. */
export const SOCKET_PATH = '/classroom/socket';
/** Frames longer than this (in bytes) are dropped unread, from any client. */
export const MAX_MESSAGE_BYTES = 4096;
export const MAX_NICKNAME = 40;
export const MAX_PROMPT = 200;
/** Diagram, deck, flow and node ids, and client ids. */
export const MAX_ID = 200;

/** Room codes: short, said aloud and typed on a phone, so no 0/O or 1/I/L. */
export const ROOM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 5;

/** What the class is looking at. Steps and slides count from 1, as in the URL. */
export type Cue =
  | { kind: 'diagram'; diagram: string; flow?: string; step?: number }
  | { kind: 'deck'; deck: string; slide: number };

export type Blank = 'none' | 'black' | 'white';

/** Everything a student's screen follows. */
export interface Scene {
  cue: Cue | null;
  blank: Blank;
}

/** A "predict the next hop" question, asked on one step. */
export interface Question {
  /** Given by the server: `q1`, `q2`, … in the room. */
  id: string;
  /** Where it was asked: students see this step lit and tap a node. */
  cue: Cue;
  /** The teacher's question, if the step gave one; else the app's own words. */
  prompt?: string;
  /** `open` takes answers; `revealed` is locked and shows the counts. */
  state: 'open' | 'revealed';
  /** Set on reveal: the node ids the next step lights (for the CSV). */
  expected?: string[];
}

/** Per node id, how many chose it. */
export type Counts = Record<string, number>;

export type ClientMessage =
  /** The first message of every connection. */
  | {
      v: 1;
      type: 'hello';
      role: 'teacher';
      secret: string;
      /** Re-attach to this room (after a reload or a reconnect); none opens a new one. */
      room?: string;
    }
  | {
      v: 1;
      type: 'hello';
      role: 'student';
      room: string;
      /** Random, kept by the student's browser, so a reconnect is the same student. */
      id: string;
      nickname?: string;
    }
  /** Teacher: the class now sees this. */
  | { v: 1; type: 'scene'; scene: Scene }
  /** Teacher: opens a question on `cue` (closing any open one). */
  | { v: 1; type: 'ask'; cue: Cue; prompt?: string }
  /** Teacher: locks the open question and shows the counts. */
  | { v: 1; type: 'reveal'; expected?: string[] }
  /** Teacher: takes the question off the students' screens (its results stay). */
  | { v: 1; type: 'dismiss' }
  /** Student: their choice for the open question; a later one replaces it until reveal. */
  | { v: 1; type: 'answer'; question: string; node: string }
  /** Either: are you there? (answered with `pong`). */
  | { v: 1; type: 'ping' };

export type ServerMessage =
  /** The answer to a good `hello`. */
  | {
      v: 1;
      type: 'welcome';
      role: 'teacher' | 'student';
      room: string;
      scene: Scene;
      question: Question | null;
      /** A student's own answer to `question`, after a reconnect. */
      mine?: string;
      /** Counts, once `question` is revealed. */
      counts?: Counts;
      /** Teacher only: the join page, `http://<lan address>:<port>/#/join/<room>`. */
      joinUrl?: string;
    }
  | { v: 1; type: 'scene'; scene: Scene }
  /** Students connected now; to the teacher. */
  | { v: 1; type: 'count'; students: number }
  /** Teacher only: the nicknames given, in joining order (text, never markup). */
  | { v: 1; type: 'roster'; names: string[] }
  /** A question opened, was revealed (with `counts`) or was dismissed (null). */
  | { v: 1; type: 'question'; question: Question | null; counts?: Counts }
  /** Teacher only: how many of those connected have answered the open question. */
  | { v: 1; type: 'answers'; question: string; answered: number; of: number }
  /** Student only: the server took this answer. */
  | { v: 1; type: 'answered'; question: string; node: string }
  | { v: 1; type: 'pong' }
  | { v: 1; type: 'error'; code: ErrorCode; message: string };

export type ErrorCode =
  | 'version'
  | 'bad-secret'
  | 'no-room'
  | 'room-full'
  | 'too-many-rooms'
  | 'not-allowed'
  | 'locked';

// ---------------------------------------------------------------- reading

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000;
}

/** Drops control characters and trims; what is left, if anything. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  return text ? text.slice(0, max) : undefined;
}

export function readCue(value: unknown): Cue | null {
  if (!isObject(value)) return null;
  if (value.kind === 'deck') {
    return isText(value.deck, MAX_ID) && isCount(value.slide)
      ? { kind: 'deck', deck: value.deck, slide: value.slide }
      : null;
  }
  if (value.kind !== 'diagram' || !isText(value.diagram, MAX_ID)) return null;
  if (value.flow === undefined && value.step === undefined) {
    return { kind: 'diagram', diagram: value.diagram };
  }
  return isText(value.flow, MAX_ID) && isCount(value.step)
    ? { kind: 'diagram', diagram: value.diagram, flow: value.flow, step: value.step }
    : null;
}

export function readScene(value: unknown): Scene | null {
  if (!isObject(value)) return null;
  const blank = value.blank;
  if (blank !== 'none' && blank !== 'black' && blank !== 'white') return null;
  if (value.cue === null) return { cue: null, blank };
  const cue = readCue(value.cue);
  return cue ? { cue, blank } : null;
}

function readIds(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > 100) return null;
  return value.every((id) => isText(id, MAX_ID)) ? (value as string[]) : null;
}

/** A message from a client, or null: the server's only way in. */
export function readClientMessage(data: unknown): ClientMessage | null {
  if (!isObject(data) || data.v !== PROTOCOL_VERSION) return null;
  switch (data.type) {
    case 'hello':
      if (data.role === 'teacher') {
        if (!isText(data.secret, MAX_ID)) return null;
        if (data.room === undefined)
          return { v: 1, type: 'hello', role: 'teacher', secret: data.secret };
        return isText(data.room, MAX_ID)
          ? { v: 1, type: 'hello', role: 'teacher', secret: data.secret, room: data.room }
          : null;
      }
      if (data.role === 'student') {
        if (!isText(data.room, MAX_ID) || !isText(data.id, MAX_ID)) return null;
        const nickname = cleanText(data.nickname, MAX_NICKNAME);
        return nickname
          ? { v: 1, type: 'hello', role: 'student', room: data.room, id: data.id, nickname }
          : { v: 1, type: 'hello', role: 'student', room: data.room, id: data.id };
      }
      return null;
    case 'scene': {
      const scene = readScene(data.scene);
      return scene ? { v: 1, type: 'scene', scene } : null;
    }
    case 'ask': {
      const cue = readCue(data.cue);
      if (!cue) return null;
      const prompt = cleanText(data.prompt, MAX_PROMPT);
      return prompt ? { v: 1, type: 'ask', cue, prompt } : { v: 1, type: 'ask', cue };
    }
    case 'reveal': {
      if (data.expected === undefined) return { v: 1, type: 'reveal' };
      const expected = readIds(data.expected);
      return expected ? { v: 1, type: 'reveal', expected } : null;
    }
    case 'dismiss':
      return { v: 1, type: 'dismiss' };
    case 'answer':
      return isText(data.question, MAX_ID) && isText(data.node, MAX_ID)
        ? { v: 1, type: 'answer', question: data.question, node: data.node }
        : null;
    case 'ping':
      return { v: 1, type: 'ping' };
    default:
      return null;
  }
}

/**
 * Parses a frame's text as a client message; null when it is not JSON, too
 * long or not a message.
 */
export function parseClientFrame(text: string): ClientMessage | null {
  if (text.length > MAX_MESSAGE_BYTES) return null;
  try {
    return readClientMessage(JSON.parse(text));
  } catch {
    return null;
  }
}

function readQuestion(value: unknown): Question | null {
  if (!isObject(value) || !isText(value.id, MAX_ID)) return null;
  const cue = readCue(value.cue);
  if (!cue || (value.state !== 'open' && value.state !== 'revealed')) return null;
  const question: Question = { id: value.id, cue, state: value.state };
  const prompt = cleanText(value.prompt, MAX_PROMPT);
  if (prompt) question.prompt = prompt;
  const expected = value.expected === undefined ? undefined : readIds(value.expected);
  if (expected) question.expected = expected;
  return question;
}

/** Counts with no prototype: a node named `constructor` or `__proto__` is a count like any other. */
export function emptyCounts(): Counts {
  return Object.create(null) as Counts;
}

function readCounts(value: unknown): Counts | undefined {
  if (!isObject(value)) return undefined;
  const counts = emptyCounts();
  for (const [node, count] of Object.entries(value)) {
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) counts[node] = count;
  }
  return counts;
}

const ERROR_CODES: readonly ErrorCode[] = [
  'version',
  'bad-secret',
  'no-room',
  'room-full',
  'too-many-rooms',
  'not-allowed',
  'locked',
];

/**
 * A message from the server, or null. The app reads the server through this
 * too: an old tab talking to a newer server sees a `version` error, not a crash.
 */
export function readServerMessage(data: unknown): ServerMessage | null {
  if (!isObject(data)) return null;
  if (data.v !== PROTOCOL_VERSION) {
    return data.type === 'error' && data.code === 'version'
      ? { v: 1, type: 'error', code: 'version', message: String(data.message ?? '') }
      : null;
  }
  switch (data.type) {
    case 'welcome': {
      const scene = readScene(data.scene);
      if (!scene || (data.role !== 'teacher' && data.role !== 'student')) return null;
      if (!isText(data.room, MAX_ID)) return null;
      const message: Extract<ServerMessage, { type: 'welcome' }> = {
        v: 1,
        type: 'welcome',
        role: data.role,
        room: data.room,
        scene,
        question: data.question === null ? null : readQuestion(data.question),
      };
      if (isText(data.mine, MAX_ID)) message.mine = data.mine;
      const counts = readCounts(data.counts);
      if (counts) message.counts = counts;
      if (typeof data.joinUrl === 'string') message.joinUrl = data.joinUrl;
      return message;
    }
    case 'scene': {
      const scene = readScene(data.scene);
      return scene ? { v: 1, type: 'scene', scene } : null;
    }
    case 'count':
      return typeof data.students === 'number'
        ? { v: 1, type: 'count', students: data.students }
        : null;
    case 'roster':
      return Array.isArray(data.names)
        ? {
            v: 1,
            type: 'roster',
            names: data.names.filter((name): name is string => typeof name === 'string'),
          }
        : null;
    case 'question': {
      const question = data.question === null ? null : readQuestion(data.question);
      if (data.question !== null && !question) return null;
      const counts = readCounts(data.counts);
      return counts
        ? { v: 1, type: 'question', question, counts }
        : { v: 1, type: 'question', question };
    }
    case 'answers':
      return isText(data.question, MAX_ID) &&
        typeof data.answered === 'number' &&
        typeof data.of === 'number'
        ? { v: 1, type: 'answers', question: data.question, answered: data.answered, of: data.of }
        : null;
    case 'answered':
      return isText(data.question, MAX_ID) && isText(data.node, MAX_ID)
        ? { v: 1, type: 'answered', question: data.question, node: data.node }
        : null;
    case 'pong':
      return { v: 1, type: 'pong' };
    case 'error':
      return ERROR_CODES.includes(data.code as ErrorCode)
        ? { v: 1, type: 'error', code: data.code as ErrorCode, message: String(data.message ?? '') }
        : null;
    default:
      return null;
  }
}

export function parseServerFrame(text: string): ServerMessage | null {
  try {
    return readServerMessage(JSON.parse(text));
  } catch {
    return null;
  }
}

export function sameCue(a: Cue | null, b: Cue | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'deck' || b.kind === 'deck') {
    return (
      a.kind === b.kind &&
      a.kind === 'deck' &&
      b.kind === 'deck' &&
      a.deck === b.deck &&
      a.slide === b.slide
    );
  }
  return a.diagram === b.diagram && a.flow === b.flow && a.step === b.step;
}
