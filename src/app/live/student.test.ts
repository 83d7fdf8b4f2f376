import { describe, expect, it } from 'vitest';
import type { Cue, ServerMessage } from '../../classroom/protocol.ts';
import { createSession } from './session.ts';
import { startStudent } from './student.ts';

function setup() {
  let hash = '#/join/K7M2Q';
  const listeners = new Set<() => void>();
  const visits: string[] = [];
  let reframes = 0;
  const page = {
    hash: () => hash,
    go(next: string) {
      hash = next;
      visits.push(next);
      for (const listener of listeners) listener();
    },
    onHashChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reframe: () => reframes++,
  };
  /** The student going somewhere by hand. */
  const wander = (next: string) => {
    hash = next;
    for (const listener of listeners) listener();
  };
  let receive: (message: ServerMessage) => void = () => {};
  const session = createSession((params) => {
    receive = params.onMessage;
    return { send: () => true, close: () => {} };
  });
  session.join('K7M2Q', 's1');
  const student = startStudent(session, page);
  const scene = (cue: Cue | null): ServerMessage => ({
    v: 1,
    type: 'scene',
    scene: { cue, blank: 'none' },
  });
  const welcome = (cue: Cue | null): ServerMessage => ({
    v: 1,
    type: 'welcome',
    role: 'student',
    room: 'K7M2Q',
    scene: { cue, blank: 'none' },
    question: null,
  });
  return {
    session,
    student,
    visits,
    wander,
    server: (m: ServerMessage) => receive(m),
    scene,
    welcome,
    reframes: () => reframes,
  };
}

const step = (n: number): Cue => ({ kind: 'diagram', diagram: 'd', flow: 'f', step: n });

describe('a student’s tab', () => {
  it('waits on the join page, then follows each move of the teacher', () => {
    const { server, visits, welcome, scene, session } = setup();
    server(welcome(null));
    expect(visits).toEqual([]);
    server(scene(step(1)));
    server(scene(step(2)));
    server(scene({ kind: 'deck', deck: 'lesson', slide: 4 }));
    expect(visits).toEqual(['#/d/d/f/1', '#/d/d/f/2', '#/deck/lesson/4']);
    expect(session.getState().following).toBe(true);
  });

  it('stops following when the student goes elsewhere, and comes back when asked', () => {
    const { server, visits, welcome, scene, session, student, wander, reframes } = setup();
    server(welcome(step(2)));
    wander('#/d/d/f/1');
    expect(session.getState().following).toBe(false);
    server(scene(step(3)));
    expect(visits).toEqual(['#/d/d/f/2']);
    student.backToClass();
    expect(visits.at(-1)).toBe('#/d/d/f/3');
    expect(session.getState().following).toBe(true);
    // Away by panning on the teacher's step: back frames it again, the route being the same.
    session.follow(false);
    student.backToClass();
    expect(reframes()).toBe(1);
    server(scene(step(4)));
    expect(visits.at(-1)).toBe('#/d/d/f/4');
  });
});
