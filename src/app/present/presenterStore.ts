export type Blank = 'none' | 'black' | 'white';
export type Pointer = 'none' | 'laser' | 'spotlight';

export interface PresenterState {
  on: boolean;
  /** A blacked-out or whited-out screen hides everything. */
  blank: Blank;
  /** The laser dot, or the spotlight's zoom into a region; one at a time. */
  pointer: Pointer;
}

/** What the store uses of full screen, so tests can hand in a fake (or none). */
export interface FullscreenPort {
  /** May reject (no full screen in headless browsers, or no user gesture): ignored. */
  request(): Promise<void>;
  exit(): Promise<void>;
  active(): boolean;
  /** Calls back when the browser enters or leaves full screen; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface PresenterEnv {
  root: Pick<Element, 'setAttribute' | 'removeAttribute'>;
  fullscreen?: FullscreenPort | undefined;
}

export interface PresenterStore {
  getState(): PresenterState;
  subscribe(listener: () => void): () => void;
  enter(): void;
  leave(): void;
  toggle(): void;
  /** Sets a blank; the same blank again lifts it. */
  toggleBlank(blank: Exclude<Blank, 'none'>): void;
  /** Sets a pointer; the same pointer again puts it away. */
  togglePointer(pointer: Exclude<Pointer, 'none'>): void;
  /** Esc: lifts a blank first, then puts the pointer away, then leaves presenter mode. */
  escape(): void;
  /** Puts the pointer away (e.g. the step changed under the spotlight). */
  clearPointer(): void;
  destroy(): void;
}

const OFF: PresenterState = { on: false, blank: 'none', pointer: 'none' };

/**
 * Presenter mode: on or off, the blank screen and the pointer. While on, the
 * root element carries `data-mode="presenter"` (and `data-presenter-blank`,
 * `data-presenter-pointer` when set) for the CSS to hide the chrome. Entering
 * asks for full screen; the browser leaving full screen leaves presenter mode.
 */
export function createPresenterStore(env: PresenterEnv): PresenterStore {
  const listeners = new Set<() => void>();
  let state = OFF;
  // Only a full screen we got can be left by the browser.
  let wentFullscreen = false;

  function apply({ on, blank, pointer }: PresenterState) {
    if (on) env.root.setAttribute('data-mode', 'presenter');
    else env.root.removeAttribute('data-mode');
    if (on && blank !== 'none') env.root.setAttribute('data-presenter-blank', blank);
    else env.root.removeAttribute('data-presenter-blank');
    if (on && pointer !== 'none') env.root.setAttribute('data-presenter-pointer', pointer);
    else env.root.removeAttribute('data-presenter-pointer');
  }

  function set(next: PresenterState) {
    if (next.on === state.on && next.blank === state.blank && next.pointer === state.pointer)
      return;
    state = next;
    apply(state);
    for (const listener of listeners) listener();
  }

  const stopWatching = env.fullscreen?.onChange(() => {
    if (env.fullscreen?.active()) return;
    if (wentFullscreen && state.on) {
      wentFullscreen = false;
      set(OFF);
    }
  });

  const store: PresenterStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enter() {
      if (state.on) return;
      set({ on: true, blank: 'none', pointer: 'none' });
      const fullscreen = env.fullscreen;
      if (!fullscreen || fullscreen.active()) return;
      fullscreen.request().then(
        () => {
          wentFullscreen = true;
          // Left again before full screen came: give it back.
          if (!state.on) store.leave();
        },
        () => {
          // No full screen (headless, or refused): present in the window.
        },
      );
    },
    leave() {
      const fullscreen = env.fullscreen;
      if (wentFullscreen && fullscreen?.active()) {
        wentFullscreen = false;
        fullscreen.exit().catch(() => {});
      }
      set(OFF);
    },
    toggle() {
      if (state.on) store.leave();
      else store.enter();
    },
    toggleBlank(blank) {
      if (!state.on) return;
      set({ ...state, blank: state.blank === blank ? 'none' : blank });
    },
    togglePointer(pointer) {
      if (!state.on) return;
      set({ ...state, pointer: state.pointer === pointer ? 'none' : pointer });
    },
    escape() {
      if (!state.on) return;
      if (state.blank !== 'none') set({ ...state, blank: 'none' });
      else if (state.pointer !== 'none') set({ ...state, pointer: 'none' });
      else store.leave();
    },
    clearPointer() {
      if (state.pointer !== 'none') set({ ...state, pointer: 'none' });
    },
    destroy() {
      stopWatching?.();
      listeners.clear();
    },
  };
  return store;
}

/** Chromium lets a full-screen page keep a short Esc press (a long one still leaves). */
interface KeyboardLock {
  lock?(keys: string[]): Promise<void>;
  unlock?(): void;
}

function browserFullscreen(): FullscreenPort {
  const keyboard = (navigator as Navigator & { keyboard?: KeyboardLock }).keyboard;
  return {
    async request() {
      const root = document.documentElement;
      if (typeof root.requestFullscreen !== 'function') throw new Error('no full screen');
      await root.requestFullscreen();
      // So Esc first lifts a blank or the pointer, as it does in a window.
      await keyboard?.lock?.(['Escape'])?.catch(() => {});
    },
    async exit() {
      keyboard?.unlock?.();
      if (document.fullscreenElement) await document.exitFullscreen();
    },
    active: () => document.fullscreenElement != null,
    onChange(listener) {
      document.addEventListener('fullscreenchange', listener);
      return () => document.removeEventListener('fullscreenchange', listener);
    },
  };
}

let appStore: PresenterStore | undefined;

/** The app's presenter store, created on first call, on `<html>` and the browser's full screen. */
export function presenterStore(): PresenterStore {
  appStore ??= createPresenterStore({
    root: document.documentElement,
    fullscreen: browserFullscreen(),
  });
  return appStore;
}
