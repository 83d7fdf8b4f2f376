/** What the URL hash says to show. */
export type Route = { kind: 'home' } | { kind: 'diagram'; id: string };

/** `#/d/<id>` → a diagram; anything else → home. */
export function parseRoute(hash: string): Route {
  const match = /^#\/d\/([^/]+)/.exec(hash);
  return match?.[1] ? { kind: 'diagram', id: decodeURIComponent(match[1]) } : { kind: 'home' };
}
