import { useLayoutEffect, useSyncExternalStore } from 'react';
import {
  type PlaybackState,
  type PlaybackStore,
  playbackStore,
  type Showing,
} from './playbackStore.ts';

export interface UsePlaybackResult extends PlaybackState {
  enter: PlaybackStore['enter'];
  leave: PlaybackStore['leave'];
  toggle: PlaybackStore['toggle'];
}

/** The playback state, live (presenter mode and what is showing), and the ways in and out of presenter mode. */
export function usePlayback(): UsePlaybackResult {
  const store = playbackStore();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return { ...state, enter: store.enter, leave: store.leave, toggle: store.toggle };
}

/**
 * Publishes what this view shows while it shows it (none: nothing). A layout
 * effect, so it is in the store before any child's effect runs: keys held
 * while the view loaded are played from one (`useKeysReady`) and step it.
 */
export function useShow(showing: Showing | null) {
  useLayoutEffect(() => {
    if (!showing) return;
    const store = playbackStore();
    store.show(showing);
    return () => store.unshow(showing);
  }, [showing]);
}
