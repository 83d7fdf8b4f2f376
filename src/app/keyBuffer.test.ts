// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyBuffer, type KeyBuffer, steppingView } from './keyBuffer.ts';
import { parseRoute } from './route.ts';

let buffer: KeyBuffer | undefined;
let view: string | null = 'deck:part1';
afterEach(() => {
  buffer?.destroy();
  buffer = undefined;
  view = 'deck:part1';
  document.body.innerHTML = '';
});

/** What a view listening on the window hears, in order. */
function listen(): string[] {
  const heard: string[] = [];
  window.addEventListener('keydown', (event) => heard.push(event.key));
  return heard;
}

function press(key: string, on: Element = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  on.dispatchEvent(event);
  return event;
}

describe('createKeyBuffer', () => {
  it('holds stepping keys until a view is ready, then plays them to it in order', () => {
    buffer = createKeyBuffer({ target: window, currentView: () => view });
    const heard = listen();
    for (const key of ['ArrowRight', 'PageDown', 'ArrowLeft', 'p']) {
      expect(press(key).defaultPrevented).toBe(true);
    }
    expect(heard).toEqual([]);
    const release = buffer.ready();
    expect(heard).toEqual(['ArrowRight', 'PageDown', 'ArrowLeft', 'p']);
    // Ready: keys go straight through, and are not played twice.
    press('ArrowRight');
    expect(heard).toEqual(['ArrowRight', 'PageDown', 'ArrowLeft', 'p', 'ArrowRight']);
    release();
    press('End');
    expect(heard).toHaveLength(5);
  });

  it('drops keys held for a view that was left before it was ready', () => {
    buffer = createKeyBuffer({ target: window, currentView: () => view });
    const heard = listen();
    press('ArrowRight');
    view = 'diagram:cri-chain';
    buffer.ready();
    expect(heard).toEqual([]);
  });

  it('leaves alone keys on routes that do not step, typing, modifiers and a focused button', () => {
    buffer = createKeyBuffer({ target: window, currentView: () => view });
    const heard = listen();
    document.body.innerHTML = '<input id="i"><button id="b">Try again</button>';
    const input = document.getElementById('i') as HTMLElement;
    const button = document.getElementById('b') as HTMLElement;
    expect(press('ArrowRight', input).defaultPrevented).toBe(false);
    expect(press('Enter', button).defaultPrevented).toBe(false);
    expect(press('ArrowRight', document.body, { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press('x').defaultPrevented).toBe(false);
    view = null;
    expect(press('ArrowRight').defaultPrevented).toBe(false);
    expect(heard).toEqual(['ArrowRight', 'Enter', 'ArrowRight', 'x', 'ArrowRight']);
  });
});

describe('steppingView', () => {
  it('names the view, not the step, of the routes that step', () => {
    expect(steppingView(parseRoute('#/deck/part1/4'))).toBe('deck:part1');
    expect(steppingView(parseRoute('#/deck/part1/9'))).toBe('deck:part1');
    expect(steppingView(parseRoute('#/d/cri-chain/create/2'))).toBe('diagram:cri-chain');
    expect(steppingView(parseRoute('#/speaker/x/main/1'))).toBe('speaker:x');
    expect(steppingView(parseRoute('#/'))).toBeNull();
    expect(steppingView(parseRoute('#/drafts'))).toBeNull();
  });
});
