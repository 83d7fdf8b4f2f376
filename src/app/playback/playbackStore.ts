/**
 * The app's playback state, one store that every feature reads: what is on
 * screen (a diagram, the step of the flow it plays, or a deck's slide),
 * presenter mode, its blank screen and pointer. The views that show
 * something publish it (`show`); the presenter's keys, the speaker window's
 * sync and the live classroom read it and move it (`next`, `prev`, `go`),
 * so none of them knows the others.
 */

import type { Cue } from '../../classroom/protocol.ts';
import type { Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';

export type Blank = 'none' | 'black' | 'white';
export type Pointer = 'none' | 'laser' | 'spotlight';

/** What a view shows, as the one place to read it and to move it. */
export interface Showing {
  /**
   * What is on screen as a URL of the diagrams folder says it (steps and
   * slides from 1), or null where no such URL shows it (a draft, a shared
   * link, an embed): the live classroom mirrors only cues.
   */
  cue: Cue | null;
  /** Every window and session that follows this one names it so (`deck:<id>` for a deck). */
  key: string;
  diagram: LaidOutDiagram;
  /** The flow playing, if any (a deck slide's flow too), and its step (0-based). */
  timeline: Timeline | null;
  step: number;
  /** Where in what this view steps through (a flow's steps, a deck's slides), 0-based, and how many. */
  position: number;
  count: number;
  /**
   * Moves to a position; a still diagram (count 0) starts its first flow,
   * if it has one, at that step.
   */
  go(position: number): void;
  /** The position on screen, read from the URL: a clicker can press faster than React renders. */
  current(): number;
}

export interface PlaybackState {
  /** Presenter mode. */
  on: boolean;
  /** A blacked-out or whited-out screen hides everything. */
  blank: Blank;
  /** The laser dot, or the spotlight's zoom into a region; one at a time. */
  pointer: Pointer;
  /** What the view on screen shows; null on a page that shows no diagram. */
  showing: Showing | null;
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

export interface PlaybackEnv {
  root: Pick<Element, 'setAttribute' | 'removeAttribute'>;
  fullscreen?: FullscreenPort | undefined;
}

export interface PlaybackStore {
  getState(): PlaybackState;
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
  /** A view says what it shows now. */
  show(showing: Showing): void;
  /** A view leaving says so; a newer view's showing stays. */
  unshow(showing: Showing): void;
  /**
   * The next and previous step or slide of what is showing (a still
   * diagram: its first flow). A next guard, while one is set, is asked
   * first and may take the press instead (`setNextGuard`).
   */
  next(): void;
  prev(): void;
  /**
   * Lets one reader take the next press instead of the step (the live
   * classroom reveals a question's answers before moving on): `guard`
   * returns true when it took it. Null removes it; a newer guard replaces
   * an older one.
   */
  setNextGuard(guard: (() => boolean) | null): void;
  destroy(): void;
}

type Presenting = Pick<PlaybackState, 'on' | 'blank' | 'pointer'>;
const OFF: Presenting = { on: false, blank: 'none', pointer: 'none' };

/**
 * The playback store. Presenter mode: on or off, the blank screen and the pointer. While on, the
 * root element carries `data-mode="presenter"` (and `data-presenter-blank`,
 * `data-presenter-pointer` when set) for the CSS to hide the chrome. Entering
 * asks for full screen; the browser leaving full screen leaves presenter mode.
 */
export function createPlaybackStore(env: PlaybackEnv): PlaybackStore {
  const listeners = new Set<() => void>();
  let state: PlaybackState = { ...OFF, showing: null };
  // Only a full screen we got can be left by the browser.
  let wentFullscreen = false;
  let nextGuard: (() => boolean) | null = null;

  function apply({ on, blank, pointer }: Presenting) {
    if (on) env.root.setAttribute('data-mode', 'presenter');
    else env.root.removeAttribute('data-mode');
    if (on && blank !== 'none') env.root.setAttribute('data-presenter-blank', blank);
    else env.root.removeAttribute('data-presenter-blank');
    if (on && pointer !== 'none') env.root.setAttribute('data-presenter-pointer', pointer);
    else env.root.removeAttribute('data-presenter-pointer');
  }

  function set(next: Partial<PlaybackState>) {
    const merged = { ...state, ...next };
    if (
      merged.on === state.on &&
      merged.blank === state.blank &&
      merged.pointer === state.pointer &&
      merged.showing === state.showing
    )
      return;
    state = merged;
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

  const store: PlaybackStore = {
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
    show(showing) {
      set({ showing });
    },
    unshow(showing) {
      if (state.showing === showing) set({ showing: null });
    },
    next() {
      const showing = state.showing;
      if (!showing || nextGuard?.()) return;
      showing.go(showing.count === 0 ? 0 : showing.current() + 1);
    },
    prev() {
      const showing = state.showing;
      if (showing && showing.count > 0) showing.go(showing.current() - 1);
    },
    setNextGuard(guard) {
      nextGuard = guard;
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

let appStore: PlaybackStore | undefined;

/** The app's playback store, created on first call, on `<html>` and the browser's full screen. */
export function playbackStore(): PlaybackStore {
  appStore ??= createPlaybackStore({
    root: document.documentElement,
    fullscreen: browserFullscreen(),
  });
  return appStore;
}
