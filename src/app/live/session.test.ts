import { describe, expect, it } from 'vitest';
import type { ClientMessage, Question, ServerMessage } from '../../classroom/protocol.ts';
import { type Connect, createSession, INITIAL, reduce, type SessionState } from './session.ts';
import type { LiveSocketParams } from './socket.ts';

const cue = { kind: 'diagram', diagram: 'd', flow: 'f', step: 2 } as const;
const open: Question = { id: 'q1', cue, state: 'open' };
const revealed: Question = { ...open, state: 'revealed', expected: ['b'] };

function run(events: Parameters<typeof reduce>[1][], from: SessionState = INITIAL) {
  return events.reduce(reduce, from);
}

const welcome = (extra: object = {}): ServerMessage => ({
  v: 1,
  type: 'welcome',
  role: 'student',
  room: 'K7M2Q',
  scene: { cue, blank: 'none' },
  question: null,
  ...extra,
});

describe('the session reducer', () => {
  it('goes live on welcome, and says reconnecting until the next one', () => {
    let state = run([{ type: 'start', role: 'student' }]);
    expect(state.status).toEqual({ kind: 'connecting' });
    state = run([welcome(), { type: 'socket', status: 'reconnecting' }], state);
    expect(state.status).toEqual({ kind: 'reconnecting' });
    expect(state.room).toBe('K7M2Q');
    expect(state.scene).toEqual({ cue, blank: 'none' });
    state = run([{ type: 'socket', status: 'open' }], state);
    expect(state.status).toEqual({ kind: 'reconnecting' });
    state = run([welcome()], state);
    expect(state.status).toEqual({ kind: 'live' });
  });

  it('ends on a fatal error and stays ended; other errors change nothing', () => {
    let state = run([{ type: 'start', role: 'student' }, welcome()]);
    state = run([{ v: 1, type: 'error', code: 'locked', message: 'too late' }], state);
    expect(state.status).toEqual({ kind: 'live' });
    state = run(
      [
        { v: 1, type: 'error', code: 'no-room', message: 'no such room' },
        { type: 'socket', status: 'reconnecting' },
      ],
      state,
    );
    expect(state.status).toEqual({ kind: 'error', code: 'no-room' });
  });

  it('keeps a student’s answer for the question, until the next question', () => {
    let state = run([{ type: 'start', role: 'student' }, welcome(), { type: 'pick', node: 'x' }]);
    expect(state.mine).toBe(null);
    state = run(
      [
        { v: 1, type: 'question', question: open },
        { type: 'pick', node: 'a' },
      ],
      state,
    );
    expect(state.mine).toBe('a');
    state = run(
      [
        { v: 1, type: 'answered', question: 'q1', node: 'b' },
        { v: 1, type: 'question', question: revealed, counts: { a: 2, b: 5 } },
        { type: 'pick', node: 'c' },
      ],
      state,
    );
    expect(state.mine).toBe('b');
    expect(state.counts).toEqual({ a: 2, b: 5 });
    state = run([{ v: 1, type: 'question', question: { ...open, id: 'q2' } }], state);
    expect(state.mine).toBe(null);
    expect(state.counts).toBe(null);
    state = run([{ v: 1, type: 'question', question: null }], state);
    expect(state.question).toBe(null);
  });

  it('gives the teacher the count, the roster and the answers to the open question only', () => {
    const state = run([
      { type: 'start', role: 'teacher' },
      welcome({ role: 'teacher', joinUrl: 'http://10.0.0.2:4173/#/join/K7M2Q', question: open }),
      { v: 1, type: 'count', students: 23 },
      { v: 1, type: 'roster', names: ['Ana', '<b>x</b>'] },
      { v: 1, type: 'answers', question: 'q0', answered: 1, of: 2 },
      { v: 1, type: 'answers', question: 'q1', answered: 17, of: 23 },
    ]);
    expect(state.joinUrl).toBe('http://10.0.0.2:4173/#/join/K7M2Q');
    expect(state.students).toBe(23);
    expect(state.roster).toEqual(['Ana', '<b>x</b>']);
    expect(state.answers).toEqual({ answered: 17, of: 23 });
  });

  it('takes back a student’s answer and the counts after a reconnect', () => {
    const state = run([
      { type: 'start', role: 'student' },
      welcome({ question: revealed, mine: 'a', counts: { a: 1 } }),
    ]);
    expect(state.mine).toBe('a');
    expect(state.counts).toEqual({ a: 1 });
  });
});

describe('createSession', () => {
  function fakeConnect() {
    const made: { params: Parameters<Connect>[0]; sent: ClientMessage[]; closed: boolean }[] = [];
    const connect: Connect = (params) => {
      const socket = { params, sent: [] as ClientMessage[], closed: false };
      made.push(socket);
      return {
        send: (message) => {
          socket.sent.push(message);
          return true;
        },
        close: () => {
          socket.closed = true;
          params.onStatus('closed' as Parameters<LiveSocketParams['onStatus']>[0]);
        },
      };
    };
    return { connect, made };
  }

  it('says hello with the room to re-attach to, read at each connect', () => {
    const { connect, made } = fakeConnect();
    const session = createSession(connect);
    let room: string | null = null;
    session.startTeacher('s3cret', () => room);
    expect(made[0]?.params.hello()).toEqual({
      v: 1,
      type: 'hello',
      role: 'teacher',
      secret: 's3cret',
    });
    room = 'K7M2Q';
    expect(made[0]?.params.hello()).toMatchObject({ room: 'K7M2Q' });
  });

  it('sends a student’s pick as an answer to the open question, and closes on a fatal error', () => {
    const { connect, made } = fakeConnect();
    const session = createSession(connect);
    session.join('K7M2Q', 'student-1', 'Ana');
    const socket = made[0];
    if (!socket) throw new Error('no socket');
    expect(socket.params.hello()).toEqual({
      v: 1,
      type: 'hello',
      role: 'student',
      room: 'K7M2Q',
      id: 'student-1',
      nickname: 'Ana',
    });
    socket.params.onMessage(welcome({ question: open }));
    session.pick('a');
    expect(socket.sent).toEqual([{ v: 1, type: 'answer', question: 'q1', node: 'a' }]);
    socket.params.onMessage({ v: 1, type: 'error', code: 'room-full', message: 'full' });
    expect(socket.closed).toBe(true);
    expect(session.getState().status).toEqual({ kind: 'error', code: 'room-full' });
  });

  it('takes the status a socket reports while it is being made', () => {
    const session = createSession((params) => {
      params.onStatus('reconnecting');
      return { send: () => false, close: () => {} };
    });
    session.join('K7M2Q', 's1');
    expect(session.getState().status).toEqual({ kind: 'reconnecting' });
  });
});
