import { useEffect } from 'react';

/**
 * Shows a view's title in the tab (`<title> · Flowdeck`) while it is on
 * screen, and tells `onTitle` (the header's breadcrumb) once it is known.
 */
export function useDocumentTitle(title: string | undefined, onTitle?: (title: string) => void) {
  useEffect(() => {
    if (title === undefined) return;
    document.title = `${title} · Flowdeck`;
    onTitle?.(title);
    return () => {
      document.title = 'Flowdeck';
    };
  }, [title, onTitle]);
}
