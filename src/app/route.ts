/** What the URL hash says to show. */
export type Route =
  | { kind: 'home' }
  | { kind: 'diagram'; id: string; flow?: string; step?: number; embed?: boolean }
  | { kind: 'speaker'; id: string; flow: string; step: number }
  | { kind: 'deck'; id: string; slide: number }
  | { kind: 'speaker-deck'; id: string; slide: number }
  | { kind: 'new' }
  | { kind: 'edit'; id: string }
  | { kind: 'drafts' }
  | { kind: 'draft'; id: string; flow?: string; step?: number }
  | { kind: 'share'; payload: string; flow?: string; step?: number }
  | { kind: 'join'; code?: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * `#/d/<id>` → a diagram; `#/d/<id>/<flow>/<step>` → a step of its flow (from 1);
 * `#/speaker/<id>/<flow>/<step>` → the speaker view of that step;
 * `#/deck/<id>/<slide>` → a slide (from 1) of a lesson deck;
 * `#/speaker-deck/<id>/<slide>` → the speaker view of that slide;
 * `#/new` → a new draft; `#/edit/<id>` → a draft copied from a diagram;
 * `#/drafts` → the local drafts; `#/draft/<id>[/<flow>/<step>]` → a draft in
 * the editor; `#/share/<payload>[/<flow>/<step>]` → a shared diagram,
 * read-only; `#/join[/<code>]` → a live class's join page (the code in
 * capitals, as students read it off the projector); else home.
 */
export function parseRoute(hash: string): Route {
  if (/^#\/new\/?$/.test(hash)) return { kind: 'new' };
  const join = /^#\/join(?:\/([^/?]*))?\/?$/.exec(hash);
  if (join) {
    const code = decode(join[1] ?? '')
      .trim()
      .toUpperCase();
    return code ? { kind: 'join', code } : { kind: 'join' };
  }
  if (/^#\/drafts\/?$/.test(hash)) return { kind: 'drafts' };
  const edit = /^#\/edit\/([^/?]+)/.exec(hash);
  if (edit?.[1]) return { kind: 'edit', id: decode(edit[1]) };
  const draft = /^#\/(draft|share)\/([^/?]+)(?:\/([^/?]+)(?:\/(\d+))?)?/.exec(hash);
  if (draft?.[2]) {
    const route: Route =
      draft[1] === 'draft'
        ? { kind: 'draft', id: decode(draft[2]) }
        : { kind: 'share', payload: draft[2] };
    if (draft[3]) {
      route.flow = decode(draft[3]);
      route.step = Math.max(1, Number(draft[4] ?? 1));
    }
    return route;
  }
  // Its own first segment, so no diagram id (not even `deck`) can be mistaken for it.
  const speakerDeck = /^#\/speaker-deck\/([^/?]+)(?:\/(\d+))?/.exec(hash);
  if (speakerDeck?.[1]) {
    return {
      kind: 'speaker-deck',
      id: decode(speakerDeck[1]),
      slide: Math.max(1, Number(speakerDeck[2] ?? 1)),
    };
  }
  const deck = /^#\/deck\/([^/?]+)(?:\/(\d+))?/.exec(hash);
  if (deck?.[1]) {
    // Not clamped: slide 0 or one past the end is reported, not silently moved.
    return { kind: 'deck', id: decode(deck[1]), slide: Number(deck[2] ?? 1) };
  }
  const speaker = /^#\/speaker\/([^/?]+)\/([^/?]+)(?:\/(\d+))?/.exec(hash);
  if (speaker?.[1] && speaker[2]) {
    return {
      kind: 'speaker',
      id: decode(speaker[1]),
      flow: decode(speaker[2]),
      step: Math.max(1, Number(speaker[3] ?? 1)),
    };
  }
  const match = /^#\/(d|embed)\/([^/?]+)(?:\/([^/?]+)(?:\/(\d+))?)?/.exec(hash);
  if (!match?.[2]) return { kind: 'home' };
  const route: Route = { kind: 'diagram', id: decode(match[2]) };
  if (match[1] === 'embed') route.embed = true;
  if (match[3]) {
    route.flow = decode(match[3]);
    route.step = Math.max(1, Number(match[4] ?? 1));
  }
  return route;
}

/** The link to a diagram view, or to a step (from 1) of one of its flows. */
export function diagramHref(id: string, flow?: string, step?: number): string {
  return href('d', id, flow, step);
}

/** The embed URL of a diagram or a step: the view with minimal chrome, for an `<iframe>`. */
export function embedHref(id: string, flow?: string, step?: number): string {
  return href('embed', id, flow, step);
}

/** The link to a draft in the editor, or to a step of one of its flows. */
export function draftHref(id: string, flow?: string, step?: number): string {
  return href('draft', id, flow, step);
}

/** The read-only view of a shared diagram (`payload` from `encodeShare`, already URL-safe). */
export function shareHref(payload: string, flow?: string, step?: number): string {
  const base = `#/share/${payload}`;
  return flow ? `${base}/${encodeURIComponent(flow)}/${step ?? 1}` : base;
}

function href(kind: 'd' | 'embed' | 'draft', id: string, flow?: string, step?: number): string {
  const base = `#/${kind}/${encodeURIComponent(id)}`;
  return flow ? `${base}/${encodeURIComponent(flow)}/${step ?? 1}` : base;
}

/** The flow and step (from 1) a route shows, for any view that plays flows. */
export function routeStep(route: Route): { flow?: string; step?: number } {
  return route.kind === 'diagram' || route.kind === 'draft' || route.kind === 'share'
    ? { ...(route.flow ? { flow: route.flow } : {}), ...(route.step ? { step: route.step } : {}) }
    : {};
}

/** The link to the speaker view of a step (from 1) of a flow. */
export function speakerHref(id: string, flow: string, step: number): string {
  return `#/speaker/${encodeURIComponent(id)}/${encodeURIComponent(flow)}/${step}`;
}

/** The link to a slide (from 1) of a lesson deck. */
export function deckHref(id: string, slide = 1): string {
  return `#/deck/${encodeURIComponent(id)}/${slide}`;
}

/** The link to the speaker view of a slide (from 1) of a lesson deck. */
export function speakerDeckHref(id: string, slide = 1): string {
  return `#/speaker-deck/${encodeURIComponent(id)}/${slide}`;
}

/** The join page of a live class, with its room code filled in if given. */
export function joinHref(code?: string): string {
  return code ? `#/join/${encodeURIComponent(code)}` : '#/join';
}

/** Goes to a hash; `replace` keeps the history entry (stepping through a flow is not a new page). */
export function navigate(hash: string, options: { replace?: boolean } = {}) {
  if (window.location.hash === hash) return;
  if (options.replace) window.location.replace(hash);
  else window.location.hash = hash;
}
