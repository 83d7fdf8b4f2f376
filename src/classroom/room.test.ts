import { describe, expect, it } from 'vitest';
import type { ClientMessage, Cue, ServerMessage } from './protocol.ts';
import { createBucket } from './rateLimit.ts';
import { resultsCsv } from './resultsCsv.ts';
import { type ConnId, createRooms, type Delivery, IDLE_ROOM_MS, isRoomCode } from './room.ts';

const CUE: Cue = { kind: 'diagram', diagram: 'cri-chain', flow: 'main', step: 2 };
const SCENE = { cue: CUE, blank: 'none' } as const;
/** A client message without its version. */
type Said = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'v'> : never) : never;

const JOIN = { joinUrl: (room: string) => `http://10.0.0.2:8080/#/join/${room}` };

/** A server of rooms with a clock the test moves, and a few helpers to talk to it. */
function classroom(limits = {}) {
  let time = 1_000_000;
  let seed = 0;
  const rooms = createRooms({
    isTeacherSecret: (secret) => secret === 'right',
    randomInt: (n) => seed++ % n,
    now: () => time,
    limits,
  });
  const say = (conn: ConnId, message: Said) =>
    rooms.receive(conn, { v: 1, ...message } as ClientMessage, JOIN);
  const teacher = (conn = 't') => {
    const [welcome] = say(conn, { type: 'hello', role: 'teacher', secret: 'right' });
    if (welcome?.message.type !== 'welcome') throw new Error('no welcome');
    return welcome.message.room;
  };
  const student = (room: string, conn: ConnId, id = conn, nickname?: string) =>
    say(conn, { type: 'hello', role: 'student', room, id, ...(nickname ? { nickname } : {}) });
  return { rooms, say, teacher, student, later: (ms: number) => (time += ms) };
}

/** What one connection received, in order. */
function to(conn: ConnId, deliveries: Delivery[]): ServerMessage[] {
  return deliveries.filter((d) => d.to.includes(conn)).map((d) => d.message);
}

describe('rooms', () => {
  it('gives a teacher with the secret a new room, its join link and an empty class', () => {
    const { say } = classroom();
    const out = say('t', { type: 'hello', role: 'teacher', secret: 'right' });
    const [welcome, count, roster] = to('t', out);
    expect(welcome).toMatchObject({ type: 'welcome', role: 'teacher', question: null });
    const room = (welcome as { room: string }).room;
    expect(isRoomCode(room)).toBe(true);
    expect(welcome).toMatchObject({ joinUrl: `http://10.0.0.2:8080/#/join/${room}` });
    expect(count).toEqual({ v: 1, type: 'count', students: 0 });
    expect(roster).toEqual({ v: 1, type: 'roster', names: [] });
  });

  it('refuses a wrong secret and opens no room', () => {
    const { rooms, say } = classroom();
    const out = say('t', { type: 'hello', role: 'teacher', secret: 'wrong' });
    expect(to('t', out)).toEqual([expect.objectContaining({ type: 'error', code: 'bad-secret' })]);
    expect(rooms.stats().rooms).toBe(0);
    expect(rooms.joined('t')).toBe(false);
  });

  it('sends a student the current scene on joining, and every later scene', () => {
    const { say, teacher, student } = classroom();
    const room = teacher();
    say('t', { type: 'scene', scene: SCENE });
    expect(to('s1', student(room, 's1'))).toEqual([
      expect.objectContaining({ type: 'welcome', role: 'student', room, scene: SCENE }),
    ]);
    student(room.toLowerCase(), 's2');
    const next = { cue: { ...CUE, step: 3 }, blank: 'none' } as const;
    const out = say('t', { type: 'scene', scene: next });
    expect(out).toEqual([{ to: ['s1', 's2'], message: { v: 1, type: 'scene', scene: next } }]);
  });

  it('refuses a room that does not exist', () => {
    const { student } = classroom();
    expect(to('s', student('ZZZZZ', 's'))).toEqual([expect.objectContaining({ code: 'no-room' })]);
  });

  it('lets only the teacher move the class, and counts each refusal', () => {
    const { rooms, say, teacher, student } = classroom();
    const room = teacher();
    student(room, 's1');
    student(room, 's2');
    for (const message of [
      { type: 'scene', scene: SCENE },
      { type: 'ask', cue: CUE },
      { type: 'reveal' },
      { type: 'dismiss' },
    ] as const) {
      const out = say('s1', message);
      expect(out).toEqual([
        { to: ['s1'], message: expect.objectContaining({ type: 'error', code: 'not-allowed' }) },
      ]);
    }
    expect(rooms.stats().notAllowed).toBe(4);
    expect(to('s2b', student(room, 's2b', 's2'))).toMatchObject([
      { type: 'welcome', scene: { cue: null } },
    ]);
  });

  it('refuses everything but ping before hello, and a second hello', () => {
    const { say, teacher } = classroom();
    expect(to('x', say('x', { type: 'scene', scene: SCENE }))).toMatchObject([
      { code: 'not-allowed' },
    ]);
    expect(to('x', say('x', { type: 'ping' }))).toEqual([{ v: 1, type: 'pong' }]);
    const room = teacher();
    expect(to('t', say('t', { type: 'hello', role: 'student', room, id: 'sneaky' }))).toMatchObject(
      [{ code: 'not-allowed' }],
    );
  });

  it('counts one vote per student: a later answer replaces the earlier until reveal', () => {
    const { rooms, say, teacher, student } = classroom();
    const room = teacher();
    for (const s of ['a', 'b', 'c']) student(room, s);
    const asked = to('a', say('t', { type: 'ask', cue: CUE, prompt: 'Where next?' }));
    expect(asked).toMatchObject([
      { type: 'question', question: { id: 'q1', state: 'open', prompt: 'Where next?' } },
    ]);
    rooms.flush();
    expect(to('a', say('a', { type: 'answer', question: 'q1', node: 'kubelet' }))).toEqual([
      { v: 1, type: 'answered', question: 'q1', node: 'kubelet' },
    ]);
    say('a', { type: 'answer', question: 'q1', node: 'apiserver' });
    say('b', { type: 'answer', question: 'q1', node: 'kubelet' });
    expect(to('t', rooms.flush())).toContainEqual({
      v: 1,
      type: 'answers',
      question: 'q1',
      answered: 2,
      of: 3,
    });
    // The same student on a second tab is still one vote.
    student(room, 'a2', 'a');
    say('a2', { type: 'answer', question: 'q1', node: 'etcd' });
    const revealed = say('t', { type: 'reveal', expected: ['kubelet'] });
    const counts = { etcd: 1, kubelet: 1 };
    expect(to('c', revealed)).toEqual([
      {
        v: 1,
        type: 'question',
        question: {
          id: 'q1',
          cue: CUE,
          prompt: 'Where next?',
          state: 'revealed',
          expected: ['kubelet'],
        },
        counts,
      },
    ]);
    expect(to('t', revealed)).toHaveLength(1);
    expect(to('c', say('c', { type: 'answer', question: 'q1', node: 'etcd' }))).toMatchObject([
      { type: 'error', code: 'locked' },
    ]);
    expect(rooms.results(room)).toEqual([
      expect.objectContaining({ counts, answered: 2, connectedAtReveal: 3 }),
    ]);
  });

  it('refuses answers to a question that is not the open one, and from the teacher', () => {
    const { say, teacher, student } = classroom();
    const room = teacher();
    student(room, 's');
    say('t', { type: 'ask', cue: CUE });
    say('t', { type: 'ask', cue: { ...CUE, step: 3 } });
    expect(to('s', say('s', { type: 'answer', question: 'q1', node: 'x' }))).toMatchObject([
      { code: 'locked' },
    ]);
    expect(to('t', say('t', { type: 'answer', question: 'q2', node: 'x' }))).toMatchObject([
      { code: 'not-allowed' },
    ]);
    say('t', { type: 'dismiss' });
    expect(to('s', say('s', { type: 'answer', question: 'q2', node: 'x' }))).toMatchObject([
      { code: 'locked' },
    ]);
  });

  it('gives a reconnecting student the open question and their own answer', () => {
    const { rooms, say, teacher, student } = classroom();
    const room = teacher();
    student(room, 's', 'kim');
    say('t', { type: 'ask', cue: CUE });
    say('s', { type: 'answer', question: 'q1', node: 'kubelet' });
    rooms.leave('s');
    expect(to('s9', student(room, 's9', 'kim'))).toMatchObject([
      { type: 'welcome', question: { id: 'q1', state: 'open' }, mine: 'kubelet' },
    ]);
  });

  it('shows nicknames to the teacher only, as given, in joining order, connected ones only', () => {
    const { rooms, teacher, student } = classroom();
    const room = teacher();
    rooms.flush();
    const joined = [
      ...student(room, 's1', 's1', '<img src=x onerror=alert(1)>'),
      ...student(room, 's2', 's2', ' 민지\u0000 '),
      ...student(room, 's3'),
    ];
    expect(joined.every((d) => d.message.type === 'welcome')).toBe(true);
    expect(JSON.stringify(joined)).not.toContain('민지');
    const flushed = rooms.flush();
    expect(flushed.every((d) => d.to.every((conn) => conn === 't'))).toBe(true);
    expect(to('t', flushed)).toEqual([
      { v: 1, type: 'count', students: 3 },
      { v: 1, type: 'roster', names: ['<img src=x onerror=alert(1)>', '민지'] },
    ]);
    rooms.leave('s1');
    expect(to('t', rooms.flush())).toEqual([
      { v: 1, type: 'count', students: 2 },
      { v: 1, type: 'roster', names: ['민지'] },
    ]);
    expect(rooms.flush()).toEqual([]);
  });

  it('keeps a room to its number of students, counting a student with two tabs once', () => {
    const { teacher, student } = classroom({ studentsPerRoom: 2 });
    const room = teacher();
    student(room, 'a');
    student(room, 'a2', 'a');
    student(room, 'b');
    expect(to('c', student(room, 'c'))).toMatchObject([{ code: 'room-full' }]);
    expect(to('b2', student(room, 'b2', 'b'))).toMatchObject([{ type: 'welcome' }]);
  });

  it('keeps the server to its number of rooms, giving way only to one idle for an hour', () => {
    const { rooms, say, teacher, later } = classroom({ roomsPerServer: 2 });
    teacher('t1');
    teacher('t2');
    expect(to('t3', say('t3', { type: 'hello', role: 'teacher', secret: 'right' }))).toMatchObject([
      { code: 'too-many-rooms' },
    ]);
    rooms.leave('t1');
    later(IDLE_ROOM_MS - 1);
    expect(to('t3', say('t3', { type: 'hello', role: 'teacher', secret: 'right' }))).toMatchObject([
      { code: 'too-many-rooms' },
    ]);
    later(2);
    teacher('t4');
    expect(rooms.stats()).toMatchObject({ rooms: 2, teachers: 2 });
  });

  it('lets a teacher come back to a room, or make it again under its code after a wipe', () => {
    const { say, teacher, student } = classroom();
    const room = teacher();
    say('t', { type: 'scene', scene: SCENE });
    const back = say('t2', { type: 'hello', role: 'teacher', secret: 'right', room });
    expect(to('t2', back)[0]).toMatchObject({ type: 'welcome', room, scene: SCENE });
    const again = say('t3', { type: 'hello', role: 'teacher', secret: 'right', room: 'HJKMN' });
    expect(to('t3', again)[0]).toMatchObject({ type: 'welcome', room: 'HJKMN' });
    expect(to('s', student('HJKMN', 's'))[0]).toMatchObject({ type: 'welcome' });
    const bad = say('t4', { type: 'hello', role: 'teacher', secret: 'right', room: 'O0O0O' });
    expect(to('t4', bad)).toMatchObject([{ code: 'no-room' }]);
  });

  it('restores from a snapshot: the scene, the students, the questions and their answers', () => {
    const first = classroom();
    const room = first.teacher();
    first.student(room, 's1', 'kim', 'Kim');
    first.say('t', { type: 'scene', scene: SCENE });
    first.say('t', { type: 'ask', cue: CUE, prompt: 'Next?' });
    first.say('s1', { type: 'answer', question: 'q1', node: 'kubelet' });
    first.say('t', { type: 'reveal', expected: ['kubelet'] });
    const saved = JSON.parse(JSON.stringify(first.rooms.snapshot()));

    const rooms = createRooms({
      isTeacherSecret: () => true,
      randomInt: () => 0,
      now: () => 1_000_000,
      restore: saved,
    });
    expect(rooms.snapshot()).toEqual(saved);
    const out = rooms.receive('s', { v: 1, type: 'hello', role: 'student', room, id: 'kim' });
    expect(to('s', out)).toMatchObject([
      { type: 'welcome', scene: SCENE, question: { id: 'q1', state: 'revealed' }, mine: 'kubelet' },
    ]);
    expect(rooms.results(room)).toEqual(first.rooms.results(room));
    rooms.receive('t', { v: 1, type: 'hello', role: 'teacher', secret: 'x', room });
    const asked = rooms.receive('t', { v: 1, type: 'ask', cue: CUE });
    expect(to('t', asked)[0]).toMatchObject({ question: { id: 'q2' } });
  });

  it('restores what it can from a damaged snapshot and never throws', () => {
    const make = (restore: unknown) =>
      createRooms({ isTeacherSecret: () => true, randomInt: () => 0, now: () => 0, restore });
    for (const junk of [null, 42, 'x', [], { version: 2, rooms: [] }, { version: 1, rooms: 'x' }]) {
      expect(make(junk).stats().rooms).toBe(0);
    }
    const rooms = make({
      version: 1,
      rooms: [
        { code: 'ABCDE', active: 0, scene: { cue: null, blank: 'none' }, students: 'x' },
        { code: 'bad', active: 0, scene: { cue: null, blank: 'none' } },
        { code: 'FGHJK', active: 0, scene: { cue: 7 } },
        {
          code: 'MNPQR',
          active: 0,
          scene: { cue: null, blank: 'none' },
          questions: [
            { question: { id: 'q1', cue: CUE, state: 'open' }, answers: { a: 'n', b: 5 } },
            3,
          ],
          current: 'q1',
        },
      ],
    });
    expect(rooms.stats().rooms).toBe(2);
    expect(rooms.results('MNPQR')).toEqual([
      expect.objectContaining({ counts: { n: 1 }, answered: 1 }),
    ]);
  });
});

describe('createBucket', () => {
  it('lets a burst through, then the sustained rate, and counts the rest dropped', () => {
    const bucket = createBucket({ burst: 20, perSecond: 10 }, 0);
    const passed = Array.from({ length: 30 }, () => bucket.take(0)).filter(Boolean).length;
    expect(passed).toBe(20);
    expect(bucket.dropped).toBe(10);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.take(100)).toBe(true);
    const later = Array.from({ length: 30 }, () => bucket.take(10_000)).filter(Boolean).length;
    expect(later).toBe(20);
  });
});

describe('resultsCsv', () => {
  it('writes a row per node chosen, keeps Korean readable and defuses formulas', () => {
    const csv = resultsCsv([
      {
        question: {
          id: 'q1',
          cue: CUE,
          prompt: '다음은 어디로 갈까요, "정말"?',
          state: 'revealed',
          expected: ['kubelet', 'etcd'],
        },
        counts: { '=HYPERLINK("http://x")': 1, kubelet: 3 },
        answered: 4,
        connectedAtReveal: 5,
      },
      {
        question: { id: 'q2', cue: { kind: 'deck', deck: 'k8s', slide: 4 }, state: 'open' },
        counts: {},
        answered: 0,
        connectedAtReveal: null,
      },
    ]);
    expect(csv.startsWith('\uFEFFQuestion,Prompt,Asked on,Node,Chose it,Answered,')).toBe(true);
    expect(csv.split('\r\n').slice(1)).toEqual([
      'q1,"다음은 어디로 갈까요, ""정말""?",cri-chain › main › step 2,kubelet,3,4,5,yes,yes',
      'q1,"다음은 어디로 갈까요, ""정말""?",cri-chain › main › step 2,"\'=HYPERLINK(""http://x"")",1,4,5,no,yes',
      'q1,"다음은 어디로 갈까요, ""정말""?",cri-chain › main › step 2,etcd,0,4,5,yes,yes',
      'q2,,k8s › slide 4,,,0,,,no',
      '',
    ]);
  });
});
