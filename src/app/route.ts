/** What the URL hash says to show. */
export type Route = { kind: 'home' } | { kind: 'diagram'; id: string };

/** `#/d/<id>` → a diagram; anything else → home. */
export function parseRoute(hash: string): Route {
  const match = /^#\/d\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return { kind: 'home' };
  try {
    return { kind: 'diagram', id: decodeURIComponent(match[1]) };
  } catch {
    return { kind: 'diagram', id: match[1] };
  }
}

/** The link to a diagram view. */
export function diagramHref(id: string): string {
  return `#/d/${encodeURIComponent(id)}`;
}
