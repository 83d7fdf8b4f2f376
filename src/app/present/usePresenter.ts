import { useSyncExternalStore } from 'react';
import { type PresenterState, type PresenterStore, presenterStore } from './presenterStore.ts';

export interface UsePresenterResult extends PresenterState {
  enter: PresenterStore['enter'];
  leave: PresenterStore['leave'];
  toggle: PresenterStore['toggle'];
}

/** Presenter mode's state, live, and the ways in and out. */
export function usePresenter(): UsePresenterResult {
  const store = presenterStore();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return { ...state, enter: store.enter, leave: store.leave, toggle: store.toggle };
}
