import { type Cue, sameCue } from '../../classroom/protocol.ts';
import { cueHref, cueOfHash } from './cue.ts';
import type { Session } from './session.ts';

/** What following needs of the page (tests hand in their own). */
export interface StudentPage {
  hash(): string;
  /** Replaces the history entry: following is not a trail of pages. */
  go(hash: string): void;
  onHashChange(listener: () => void): () => void;
  /** Frames the view again as the class sees it (the route is already the teacher's). */
  reframe(): void;
}

export interface Student {
  /** Back to the teacher's cue, following again. */
  backToClass(): void;
  destroy(): void;
}

/**
 * A student's tab in a live session: while following, each scene the
 * teacher shows takes the tab to that cue's route (the ordinary views,
 * framed for this screen). Going anywhere else by hand stops following,
 * and teacher moves stop moving the tab, until `backToClass()`.
 */
export function startStudent(session: Session, page: StudentPage): Student {
  let shownCue: Cue | null = null;
  let wentTo: string | null = null;

  const goTo = (cue: Cue) => {
    const href = cueHref(cue);
    wentTo = href;
    if (page.hash() !== href) page.go(href);
  };

  const sync = () => {
    const state = session.getState();
    if (state.role !== 'student' || state.status.kind !== 'live') return;
    const cue = state.scene?.cue ?? null;
    if (sameCue(cue, shownCue)) return;
    shownCue = cue;
    if (cue && state.following) goTo(cue);
  };

  const onHash = () => {
    const state = session.getState();
    if (state.role !== 'student' || !state.following) return;
    const hash = page.hash();
    if (hash === wentTo) return;
    const teacher = state.scene?.cue ?? null;
    if (teacher && sameCue(cueOfHash(hash), teacher)) return;
    // Before the teacher shows anything, the join page is where the class waits.
    if (!teacher && /^#\/join(\/|$)/.test(hash)) return;
    session.follow(false);
  };

  const stopSession = session.subscribe(sync);
  const stopHash = page.onHashChange(onHash);
  sync();

  return {
    backToClass() {
      session.follow(true);
      const cue = session.getState().scene?.cue;
      if (!cue) return;
      shownCue = cue;
      if (page.hash() === cueHref(cue)) page.reframe();
      else goTo(cue);
    },
    destroy() {
      stopSession();
      stopHash();
    },
  };
}
