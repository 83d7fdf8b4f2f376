import { describe, expect, it } from 'vitest';
import {
  cleanText,
  MAX_MESSAGE_BYTES,
  MAX_NICKNAME,
  parseClientFrame,
  parseServerFrame,
  sameCue,
} from './protocol.ts';

const frame = (value: unknown) => JSON.stringify(value);

describe('parseClientFrame', () => {
  it('reads each message a client may send', () => {
    const cue = { kind: 'diagram', diagram: 'cri-chain', flow: 'main', step: 3 };
    const good = [
      { v: 1, type: 'hello', role: 'teacher', secret: 's3cret' },
      { v: 1, type: 'hello', role: 'teacher', secret: 's3cret', room: 'ABCDE' },
      { v: 1, type: 'hello', role: 'student', room: 'ABCDE', id: 'me', nickname: 'Mina' },
      { v: 1, type: 'scene', scene: { cue, blank: 'none' } },
      { v: 1, type: 'scene', scene: { cue: null, blank: 'black' } },
      {
        v: 1,
        type: 'scene',
        scene: { cue: { kind: 'deck', deck: 'k8s', slide: 2 }, blank: 'none' },
      },
      { v: 1, type: 'ask', cue, prompt: 'Where next?' },
      { v: 1, type: 'reveal', expected: ['kubelet'] },
      { v: 1, type: 'dismiss' },
      { v: 1, type: 'answer', question: 'q1', node: 'kubelet' },
      { v: 1, type: 'ping' },
    ];
    for (const message of good) expect(parseClientFrame(frame(message))).toEqual(message);
  });

  it('keeps only the fields it knows', () => {
    expect(parseClientFrame(frame({ v: 1, type: 'ping', extra: '<script>' }))).toEqual({
      v: 1,
      type: 'ping',
    });
  });

  it('refuses what is not JSON, not an object or not a message', () => {
    const bad = [
      '',
      'hello',
      '{"v":1,"type":"ping"',
      'null',
      '[]',
      '42',
      '"ping"',
      frame({ type: 'ping' }),
      frame({ v: 1, type: 'shout' }),
      frame({ v: 1, type: 'hello', role: 'admin', secret: 'x' }),
      frame({ v: 1, type: 'hello', role: 'teacher' }),
      frame({ v: 1, type: 'hello', role: 'student', room: 'ABCDE' }),
      frame({ v: 1, type: 'scene', scene: { cue: null, blank: 'grey' } }),
      frame({ v: 1, type: 'scene', scene: { cue: { kind: 'diagram' }, blank: 'none' } }),
      frame({
        v: 1,
        type: 'scene',
        scene: { cue: { kind: 'deck', deck: 'd', slide: 0 }, blank: 'none' },
      }),
      frame({
        v: 1,
        type: 'scene',
        scene: { cue: { kind: 'diagram', diagram: 'd', step: 2 }, blank: 'none' },
      }),
      frame({ v: 1, type: 'reveal', expected: 'kubelet' }),
      frame({ v: 1, type: 'reveal', expected: Array(101).fill('n') }),
      frame({ v: 1, type: 'answer', question: 'q1', node: '' }),
      frame({ v: 1, type: 'answer', question: 'q1', node: 'n'.repeat(201) }),
      frame({ v: 1, type: 'answer', question: 'q1', node: 7 }),
    ];
    for (const text of bad) expect(parseClientFrame(text), text).toBeNull();
  });

  it('refuses another protocol version', () => {
    expect(parseClientFrame(frame({ v: 2, type: 'ping' }))).toBeNull();
    expect(parseClientFrame(frame({ v: '1', type: 'ping' }))).toBeNull();
    expect(parseClientFrame(frame({ v: 0, type: 'ping' }))).toBeNull();
  });

  it('refuses a frame over the size limit unread, even a good message', () => {
    const padded = frame({ v: 1, type: 'ping', pad: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(padded.length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(parseClientFrame(padded)).toBeNull();
    const fits = frame({ v: 1, type: 'ping', pad: 'x'.repeat(MAX_MESSAGE_BYTES - 40) });
    expect(parseClientFrame(fits)).toEqual({ v: 1, type: 'ping' });
  });

  it('cleans a nickname to text, dropping it when nothing is left', () => {
    const hello = (nickname: unknown) =>
      parseClientFrame(
        frame({ v: 1, type: 'hello', role: 'student', room: 'R', id: 'i', nickname }),
      );
    expect(hello('  Mina\u0000\n ')).toMatchObject({ nickname: 'Mina' });
    expect(hello('\u0007\t')).not.toHaveProperty('nickname');
    expect(hello(42)).not.toHaveProperty('nickname');
    expect(hello('<b>Kim</b>')).toMatchObject({ nickname: '<b>Kim</b>' });
  });
});

describe('cleanText', () => {
  it('turns control characters and line separators into spaces and trims', () => {
    expect(cleanText('a\u0000b\u001fc\u007fd\u0085e\u2028f', 100)).toBe('a b c d e f');
    expect(cleanText('  \r\n 이름 \t', 100)).toBe('이름');
  });

  it('shortens to the limit and gives undefined for nothing', () => {
    expect(cleanText('x'.repeat(MAX_NICKNAME + 10), MAX_NICKNAME)).toHaveLength(MAX_NICKNAME);
    expect(cleanText('   ', 10)).toBeUndefined();
    expect(cleanText(undefined, 10)).toBeUndefined();
    expect(cleanText({ toString: () => 'x' }, 10)).toBeUndefined();
  });
});

describe('parseServerFrame', () => {
  it('reads a welcome and an error, and a version error of another version', () => {
    const welcome = {
      v: 1,
      type: 'welcome',
      role: 'student',
      room: 'ABCDE',
      scene: { cue: null, blank: 'none' },
      question: null,
    };
    expect(parseServerFrame(frame(welcome))).toEqual(welcome);
    expect(
      parseServerFrame(frame({ v: 2, type: 'error', code: 'version', message: 'old' })),
    ).toEqual({ v: 1, type: 'error', code: 'version', message: 'old' });
    expect(parseServerFrame(frame({ v: 2, type: 'pong' }))).toBeNull();
    expect(parseServerFrame('not json')).toBeNull();
  });
});

describe('sameCue', () => {
  it('compares what the class sees', () => {
    const a = { kind: 'diagram', diagram: 'd', flow: 'f', step: 1 } as const;
    expect(sameCue(a, { ...a })).toBe(true);
    expect(sameCue(a, { ...a, step: 2 })).toBe(false);
    expect(sameCue(a, { kind: 'deck', deck: 'd', slide: 1 })).toBe(false);
    expect(sameCue(null, null)).toBe(true);
  });
});
