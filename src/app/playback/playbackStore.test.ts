import { describe, expect, it } from 'vitest';
import { createPlaybackStore, type FullscreenPort, type Showing } from './playbackStore.ts';

function fakeRoot() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  };
}

function fakeFullscreen(grant: boolean) {
  let active = false;
  const listeners = new Set<() => void>();
  const fire = () => {
    for (const listener of listeners) listener();
  };
  const port: FullscreenPort = {
    request: async () => {
      if (!grant) throw new Error('no');
      active = true;
      fire();
    },
    exit: async () => {
      active = false;
      fire();
    },
    active: () => active,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    port,
    /** The browser leaving full screen by itself (its own Esc, F11…). */
    browserLeaves() {
      active = false;
      fire();
    },
  };
}

describe('playbackStore', () => {
  it('marks the root while on, with the blank and the pointer', () => {
    const root = fakeRoot();
    const store = createPlaybackStore({ root });
    store.toggleBlank('black');
    expect(store.getState().blank).toBe('none');
    store.enter();
    expect(root.attributes.get('data-mode')).toBe('presenter');
    store.toggleBlank('black');
    store.togglePointer('laser');
    expect(root.attributes.get('data-presenter-blank')).toBe('black');
    expect(root.attributes.get('data-presenter-pointer')).toBe('laser');
    store.toggleBlank('white');
    expect(store.getState().blank).toBe('white');
    store.toggleBlank('white');
    expect(store.getState().blank).toBe('none');
    store.togglePointer('spotlight');
    expect(store.getState().pointer).toBe('spotlight');
    store.leave();
    expect(store.getState()).toEqual({ on: false, blank: 'none', pointer: 'none', showing: null });
    expect([...root.attributes.keys()]).toEqual([]);
  });

  it('Esc lifts the blank, then the pointer, then leaves', () => {
    const store = createPlaybackStore({ root: fakeRoot() });
    store.enter();
    store.toggleBlank('black');
    store.togglePointer('laser');
    store.escape();
    expect(store.getState()).toEqual({ on: true, blank: 'none', pointer: 'laser', showing: null });
    store.escape();
    expect(store.getState()).toEqual({ on: true, blank: 'none', pointer: 'none', showing: null });
    store.escape();
    expect(store.getState().on).toBe(false);
  });

  it('tells its listeners of changes only', () => {
    const store = createPlaybackStore({ root: fakeRoot() });
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.enter();
    store.enter();
    store.clearPointer();
    expect(calls).toBe(1);
    stop();
    store.leave();
    expect(calls).toBe(1);
  });

  it('goes full screen, and leaves presenter mode when the browser leaves full screen', async () => {
    const fullscreen = fakeFullscreen(true);
    const store = createPlaybackStore({ root: fakeRoot(), fullscreen: fullscreen.port });
    store.enter();
    await Promise.resolve();
    expect(fullscreen.port.active()).toBe(true);
    fullscreen.browserLeaves();
    expect(store.getState().on).toBe(false);
    store.enter();
    await Promise.resolve();
    store.leave();
    expect(fullscreen.port.active()).toBe(false);
  });

  it('presents in the window when full screen is refused', async () => {
    const fullscreen = fakeFullscreen(false);
    const store = createPlaybackStore({ root: fakeRoot(), fullscreen: fullscreen.port });
    store.enter();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().on).toBe(true);
  });

  it('keeps what a view shows until that view (not an older one) leaves, and steps it', () => {
    const store = createPlaybackStore({ root: fakeRoot() });
    const moves: number[] = [];
    const showing = (count: number, at: number): Showing => ({
      cue: null,
      key: 'd',
      diagram: {} as Showing['diagram'],
      timeline: null,
      step: at,
      position: at,
      count,
      go: (position) => moves.push(position),
      current: () => at,
    });
    const older = showing(3, 1);
    const newer = showing(3, 2);
    store.show(older);
    store.show(newer);
    store.unshow(older);
    expect(store.getState().showing).toBe(newer);
    store.next();
    store.prev();
    expect(moves).toEqual([3, 1]);
    // A still diagram: next starts its first flow, back does nothing.
    const still = showing(0, 0);
    store.show(still);
    store.next();
    store.prev();
    expect(moves).toEqual([3, 1, 0]);
    store.unshow(still);
    expect(store.getState().showing).toBe(null);
    store.next();
    expect(moves).toHaveLength(3);
  });

  it('lets a next guard take the next press, until it lets go', () => {
    const store = createPlaybackStore({ root: fakeRoot() });
    const moves: number[] = [];
    store.show({
      cue: null,
      key: 'd',
      diagram: {} as Showing['diagram'],
      timeline: null,
      step: 1,
      position: 1,
      count: 3,
      go: (position) => moves.push(position),
      current: () => 1,
    });
    let presses = 0;
    store.setNextGuard(() => {
      presses++;
      return presses === 1;
    });
    store.next();
    expect(moves).toEqual([]);
    store.next();
    expect(moves).toEqual([2]);
    store.prev();
    expect(presses).toBe(2);
    store.setNextGuard(null);
    store.next();
    expect(moves).toEqual([2, 0, 2]);
  });
});
