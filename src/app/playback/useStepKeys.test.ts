import { describe, expect, it } from 'vitest';
import { stepMove } from './useStepKeys.ts';

/** A keydown as the window sees it; `target` stands in for the focused element. */
function key(
  name: string,
  init: { target?: { closest: (s: string) => unknown } } & KeyboardEventInit = {},
) {
  const event = {
    key: name,
    defaultPrevented: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...init,
  };
  return event as unknown as KeyboardEvent;
}

describe('stepMove', () => {
  it('reads clicker and keyboard keys', () => {
    expect(
      [
        'ArrowRight',
        'PageDown',
        'Enter',
        'ArrowLeft',
        'PageUp',
        'Backspace',
        'Home',
        'End',
        ' ',
      ].map((k) => stepMove(key(k))),
    ).toEqual(['next', 'next', 'next', 'prev', 'prev', 'prev', 'first', 'last', 'space']);
    expect(stepMove(key('x'))).toBeNull();
  });
  it('leaves modified, handled and typed keys alone, and lets Space press a focused button', () => {
    const inside = (selector: string) => ({ closest: (s: string) => (s === selector ? {} : null) });
    expect(
      stepMove(key('ArrowRight', { target: inside('input, textarea, select, [contenteditable]') })),
    ).toBeNull();
    expect(stepMove(key(' ', { target: inside('button, a') }))).toBeNull();
    expect(stepMove(key('ArrowRight', { target: inside('button, a') }))).toBe('next');
    expect(stepMove(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(stepMove({ ...key('ArrowRight'), defaultPrevented: true } as KeyboardEvent)).toBeNull();
  });
});
