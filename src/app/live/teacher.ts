import { type Cue, sameCue } from '../../classroom/protocol.ts';
import type { PlaybackStore } from '../playback/playbackStore.ts';
import { expectedAt } from './nextHop.ts';
import type { Session } from './session.ts';

/** How long the counts show before the true next step plays. */
export const REVEAL_MS = 1500;

export interface Teacher {
  /** Asks the class to predict the next hop of the step showing; false where there is none. */
  ask(): boolean;
  destroy(): void;
}

/**
 * What a question is at in the teacher's tab: `open` takes answers; the
 * next press reveals (`revealing`, for `REVEAL_MS`) and then plays the next
 * step; the counts stay (`shown`) until the teacher moves on once more.
 */
type Phase = 'idle' | 'open' | 'revealing' | 'shown';

/**
 * The teacher's tab in a live session: it mirrors the playback store to the
 * class (a `scene` whenever what shows or the blank changes, and again on
 * each welcome), asks on the steps whose spec says `ask:` as the teacher
 * arrives, and turns the next press while a question is open into its
 * reveal (a guard on the playback store), then plays the true next step.
 */
export function startTeacher(session: Session, playback: PlaybackStore): Teacher {
  let sent: { cue: Cue; blank: string } | null = null;
  let lastCue: Cue | null = null;
  let phase: Phase = 'idle';
  let questionId: string | null = null;
  let askedCue: Cue | null = null;
  let expected: string[] = [];
  /** Where the counts went on showing after the reveal; null until the move after it. */
  let shownAt: Cue | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Asked, and the server has not opened the question yet: the old one's news is stale. */
  let awaiting = false;
  const autoAsked = new Set<string>();

  const live = () => {
    const state = session.getState();
    return state.role === 'teacher' && state.status.kind === 'live';
  };
  const currentCue = () => playback.getState().showing?.cue ?? null;

  const reveal = () => {
    session.send(
      expected.length > 0 ? { v: 1, type: 'reveal', expected } : { v: 1, type: 'reveal' },
    );
  };
  const dismiss = () => {
    clearTimeout(timer);
    phase = 'idle';
    session.send({ v: 1, type: 'dismiss' });
  };

  const ask = (): boolean => {
    const showing = playback.getState().showing;
    if (!live() || !showing?.cue || !showing.timeline) return false;
    // The last step has no next hop.
    if (showing.step >= showing.timeline.steps.length - 1) return false;
    const prompt = showing.timeline.steps[showing.step]?.ask?.question;
    expected = expectedAt(showing.timeline, showing.step, showing.diagram);
    askedCue = showing.cue;
    clearTimeout(timer);
    phase = 'open';
    awaiting = true;
    session.send(
      prompt
        ? { v: 1, type: 'ask', cue: showing.cue, prompt }
        : { v: 1, type: 'ask', cue: showing.cue },
    );
    return true;
  };

  /** The teacher moved from one cue to another while live. */
  const moved = (cue: Cue) => {
    const away = askedCue !== null && !sameCue(cue, askedCue);
    if (phase === 'open' && away) {
      // Stepped some other way than the guarded next: reveal all the same.
      reveal();
      phase = 'shown';
      shownAt = cue;
    } else if (phase === 'revealing' && away) {
      clearTimeout(timer);
      phase = 'shown';
      shownAt = cue;
    } else if (phase === 'shown') {
      if (shownAt === null) shownAt = cue;
      else if (!sameCue(cue, shownAt)) dismiss();
    }
    const showing = playback.getState().showing;
    const key = JSON.stringify(cue);
    if (phase === 'idle' && showing && !autoAsked.has(key)) {
      if (showing.timeline?.steps[showing.step]?.ask) {
        autoAsked.add(key);
        ask();
      }
    }
  };

  const sync = () => {
    const state = session.getState();
    const question = state.question;
    if (!question) {
      if (phase !== 'idle' && questionId !== null && !awaiting) {
        clearTimeout(timer);
        phase = 'idle';
      }
      questionId = null;
    } else if (question.id !== questionId) {
      awaiting = false;
      questionId = question.id;
      askedCue = question.cue;
      if (question.state === 'open') phase = 'open';
      else if (phase !== 'revealing') {
        phase = 'shown';
        shownAt = currentCue();
      }
    } else if (question.state === 'revealed' && phase === 'open' && !awaiting) {
      phase = 'shown';
      shownAt = currentCue();
    }

    if (!live()) {
      // The next welcome gets the scene again.
      sent = null;
      return;
    }
    const { showing, blank, on } = playback.getState();
    const cue = showing?.cue ?? null;
    // Drafts, shared links and embeds are not the class's: they are never mirrored.
    if (!showing || !cue) return;
    if (question && sameCue(cue, question.cue) && state.askedOn?.question !== question.id) {
      session.askedOn(question.id, showing.diagram.id);
    }
    const shownBlank = on ? blank : 'none';
    if (!sent || !sameCue(sent.cue, cue) || sent.blank !== shownBlank) {
      sent = { cue, blank: shownBlank };
      session.send({ v: 1, type: 'scene', scene: { cue, blank: shownBlank } });
    }
    if (!sameCue(lastCue, cue)) {
      const first = lastCue === null;
      lastCue = cue;
      // Arriving is a move; starting (or reloading) on a step is not.
      if (!first) moved(cue);
    }
  };

  playback.setNextGuard(() => {
    if (!live()) return false;
    if (phase === 'open' && askedCue && sameCue(currentCue(), askedCue)) {
      reveal();
      phase = 'revealing';
      timer = setTimeout(() => {
        phase = 'shown';
        shownAt = null;
        playback.next();
      }, REVEAL_MS);
      return true;
    }
    if (phase === 'revealing') {
      // Pressed again during the reveal: on at once.
      clearTimeout(timer);
      phase = 'shown';
      shownAt = null;
    }
    return false;
  });
  const stopSession = session.subscribe(sync);
  const stopPlayback = playback.subscribe(sync);
  sync();

  return {
    ask,
    destroy() {
      clearTimeout(timer);
      stopSession();
      stopPlayback();
      playback.setNextGuard(null);
    },
  };
}
