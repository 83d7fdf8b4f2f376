import { createContext, useContext } from 'react';

/** What nodes deep in React Flow need from the view, without threading it through node data. */
export interface ViewActions {
  toggleCollapsed(id: string): void;
}

export const ViewContext = createContext<ViewActions>({ toggleCollapsed: () => {} });

export function useViewActions(): ViewActions {
  return useContext(ViewContext);
}
