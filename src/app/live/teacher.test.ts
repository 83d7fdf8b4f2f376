import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, ServerMessage } from '../../classroom/protocol.ts';
import type { StepScene, Timeline } from '../../core/animate/timeline.ts';
import { createPlaybackStore, type Showing } from '../playback/playbackStore.ts';
import { createSession } from './session.ts';
import { REVEAL_MS, startTeacher } from './teacher.ts';

// A flow of four steps lighting a, b, c, d in turn; step 3 (index 2) says `ask:`.
const steps = ['a', 'b', 'c', 'd'].map(
  (id, index) =>
    ({
      nodes: { a: 'idle', b: 'idle', c: 'idle', d: 'idle', [id]: 'active' },
      subjects: [id],
      failed: [],
      ...(index === 2 ? { ask: { question: 'Who answers?', expected: ['d'] } } : {}),
    }) as unknown as StepScene,
);
const timeline = { flowId: 'f', steps } as unknown as Timeline;

function setup() {
  const playback = createPlaybackStore({
    root: { setAttribute: () => {}, removeAttribute: () => {} },
  });
  const show = (position: number) =>
    playback.show({
      cue: { kind: 'diagram', diagram: 'd', flow: 'f', step: position + 1 },
      key: 'd',
      diagram: { id: 'd', nodes: [] } as unknown as Showing['diagram'],
      timeline,
      step: position,
      position,
      count: steps.length,
      go: (to) => show(Math.min(Math.max(to, 0), steps.length - 1)),
      current: () => playback.getState().showing?.position ?? 0,
    });
  show(0);
  const sent: ClientMessage[] = [];
  let receive: (message: ServerMessage) => void = () => {};
  const session = createSession((params) => {
    receive = params.onMessage;
    return {
      send: (message) => {
        sent.push(message);
        return true;
      },
      close: () => {},
    };
  });
  session.startTeacher('secret', () => null);
  const teacher = startTeacher(session, playback);
  const server = (message: ServerMessage) => receive(message);
  server({
    v: 1,
    type: 'welcome',
    role: 'teacher',
    room: 'K7M2Q',
    scene: { cue: null, blank: 'none' },
    question: null,
  });
  const types = () => sent.map((m) => m.type);
  return { playback, session, teacher, sent, server, types };
}

const cueAt = (step: number) => ({ kind: 'diagram', diagram: 'd', flow: 'f', step }) as const;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the teacher’s tab', () => {
  it('mirrors what shows and the blank, and again after a reconnect', () => {
    const { playback, sent, server } = setup();
    expect(sent).toEqual([{ v: 1, type: 'scene', scene: { cue: cueAt(1), blank: 'none' } }]);
    playback.next();
    playback.enter();
    playback.toggleBlank('black');
    expect(sent.slice(1)).toEqual([
      { v: 1, type: 'scene', scene: { cue: cueAt(2), blank: 'none' } },
      { v: 1, type: 'scene', scene: { cue: cueAt(2), blank: 'black' } },
    ]);
    server({ v: 1, type: 'count', students: 3 });
    expect(sent).toHaveLength(3);
    server({
      v: 1,
      type: 'welcome',
      role: 'teacher',
      room: 'K7M2Q',
      scene: { cue: cueAt(1), blank: 'none' },
      question: null,
    });
    expect(sent.at(-1)).toEqual({ v: 1, type: 'scene', scene: { cue: cueAt(2), blank: 'black' } });
  });

  it('reveals on the next press, then plays the next step; the move after dismisses', () => {
    const { playback, teacher, sent, server, types } = setup();
    expect(teacher.ask()).toBe(true);
    expect(sent.at(-1)).toEqual({ v: 1, type: 'ask', cue: cueAt(1) });
    server({ v: 1, type: 'question', question: { id: 'q1', cue: cueAt(1), state: 'open' } });
    playback.next();
    expect(sent.at(-1)).toEqual({ v: 1, type: 'reveal', expected: ['b'] });
    expect(playback.getState().showing?.position).toBe(0);
    server({
      v: 1,
      type: 'question',
      question: { id: 'q1', cue: cueAt(1), state: 'revealed', expected: ['b'] },
      counts: { b: 2 },
    });
    vi.advanceTimersByTime(REVEAL_MS);
    expect(playback.getState().showing?.position).toBe(1);
    expect(types().at(-1)).toBe('scene');
    // The counts stay on the true next step, until the teacher moves on again
    // (to step 3, whose ask: opens the next question).
    playback.next();
    expect(types().slice(-3)).toEqual(['scene', 'dismiss', 'ask']);
  });

  it('asks by itself on arriving at a step with ask:, once, with its question', () => {
    const { playback, sent, server } = setup();
    playback.next();
    playback.next();
    expect(sent.at(-1)).toEqual({ v: 1, type: 'ask', cue: cueAt(3), prompt: 'Who answers?' });
    server({ v: 1, type: 'question', question: { id: 'q1', cue: cueAt(3), state: 'open' } });
    // Stepping back while it is open reveals it there.
    playback.prev();
    expect(sent.at(-1)).toEqual({ v: 1, type: 'reveal', expected: ['d'] });
    server({ v: 1, type: 'question', question: { id: 'q1', cue: cueAt(3), state: 'revealed' } });
    playback.next();
    expect(sent.at(-1)).toEqual({ v: 1, type: 'dismiss' });
    expect(sent.filter((m) => m.type === 'ask')).toHaveLength(1);
  });

  it('a second press during the reveal moves on at once', () => {
    const { playback, teacher, server } = setup();
    teacher.ask();
    server({ v: 1, type: 'question', question: { id: 'q1', cue: cueAt(1), state: 'open' } });
    playback.next();
    playback.next();
    expect(playback.getState().showing?.position).toBe(1);
    vi.advanceTimersByTime(REVEAL_MS);
    expect(playback.getState().showing?.position).toBe(1);
  });

  it('cannot ask on the last step, and lets go of the clicker when it stops', () => {
    const { playback, teacher } = setup();
    playback.getState().showing?.go(3);
    expect(teacher.ask()).toBe(false);
    playback.prev();
    teacher.ask();
    teacher.destroy();
    playback.next();
    expect(playback.getState().showing?.position).toBe(3);
  });
});
