import { createContext, useContext } from 'react';

/** What nodes deep in React Flow need from the view, without threading it through node data. */
export interface ViewActions {
  toggleCollapsed(id: string): void;
  /**
   * The reader may collapse a group soon (the pointer or focus is on one):
   * start the layout engine, which a view painted from a prebuilt layout
   * has not needed yet (`LayoutClient.warm()`).
   */
  expectRelayout(): void;
}

export const ViewContext = createContext<ViewActions>({
  toggleCollapsed: () => {},
  expectRelayout: () => {},
});

export function useViewActions(): ViewActions {
  return useContext(ViewContext);
}
