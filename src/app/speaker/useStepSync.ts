import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenShape } from '../../core/model/screenShape.ts';
import { isTyping } from '../isTyping.ts';
import { openDeckSpeakerWindow, openSpeakerWindow } from '../playback/speakerWindow.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { useScreenShape } from '../useScreenShape.ts';
import { openStepSync, type StepSync } from './sync.ts';

/**
 * Keeps this window's step of a flow in step with the other presenting
 * windows. Posts each step this window moves to, answers a new window's
 * hello with the current step, and calls `go` when another window posts a
 * different step of the same diagram and flow. A step it moved to because it
 * was told is not posted back, so two windows pressing at once cannot set off
 * an endless back and forth. `step` and `go` count from 0, like the player;
 * no `flowId` or no `go` turns it off (a deck's slides use `deckSyncId` and
 * the flow `''`). The audience's window passes its screen `shape`, said
 * whenever it changes and to every new window (`useAudienceShape`).
 */
export function useStepSync(
  diagramId: string,
  flowId: string | undefined,
  step: number,
  go: ((step: number) => void) | undefined,
  shape?: ScreenShape,
) {
  const latest = useRef({ step, go, shape, seen: step, following: null as number | null });
  const sync = useRef<StepSync | null>(null);
  const on = flowId !== undefined && go !== undefined;

  useEffect(() => {
    latest.current.step = step;
    latest.current.go = go;
    latest.current.shape = shape;
  });

  useEffect(() => {
    if (!on || flowId === undefined || typeof BroadcastChannel === 'undefined') return;
    const channel = openStepSync({
      onStep: (message) => {
        if (message.diagram !== diagramId || message.flow !== flowId) return;
        const target = message.step - 1;
        const now = latest.current;
        if (target === now.step) return;
        now.following = target;
        now.go?.(target);
      },
      onHello: () => {
        channel.post(diagramId, flowId, latest.current.step + 1);
        if (latest.current.shape) channel.postShape(diagramId, latest.current.shape);
      },
    });
    sync.current = channel;
    channel.hello();
    return () => {
      channel.close();
      sync.current = null;
    };
  }, [on, diagramId, flowId]);

  useEffect(() => {
    const now = latest.current;
    if (step === now.seen) return;
    now.seen = step;
    const followed = now.following === step;
    now.following = null;
    if (!followed && flowId !== undefined) sync.current?.post(diagramId, flowId, step + 1);
  }, [diagramId, flowId, step]);

  useEffect(() => {
    if (on && shape) sync.current?.postShape(diagramId, shape);
  }, [on, diagramId, shape]);
}

/**
 * The screen shape the audience's window lays `diagramId` out for (the
 * diagram view or deck this speaker view follows), so the speaker view draws
 * the same layout; undefined until that window has said it. It asks at once,
 * rather than after its own first layout, so that one is already the
 * audience's.
 */
export function useAudienceShape(diagramId: string): ScreenShape | undefined {
  const [shape, setShape] = useState<ScreenShape | undefined>(undefined);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = openStepSync({
      onStep: () => {},
      onHello: () => {},
      onShape: (message) => {
        if (message.diagram === diagramId) setShape(message.shape);
      },
    });
    channel.hello();
    return () => channel.close();
  }, [diagramId]);
  return shape;
}

/** The name a deck's slides go by on the channel (no diagram id has a colon). */
export function deckSyncId(deckId: string): string {
  return `deck:${deckId}`;
}

/** `s` (not while typing, nor with a modifier) calls `open`; none turns it off. */
function useOpenKey(open: (() => void) | undefined) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 's' || event.defaultPrevented) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

/**
 * The audience's side of the speaker view, for whatever the playback store
 * says is showing: its step (or a deck's slide) kept in sync with the
 * speaker window, its screen shape said to it, and `s` opening it. Mounted
 * once, by the app; off while nothing that steps is showing.
 */
export function SpeakerSync() {
  const { showing } = usePlayback();
  const deck = showing?.cue?.kind === 'deck' ? showing.cue.deck : undefined;
  const flowId = deck !== undefined ? '' : showing?.timeline?.flowId;
  const key = showing?.key ?? '';
  const position = showing?.position ?? 0;
  useStepSync(key, flowId, position, showing?.go, useScreenShape());
  const open = useCallback(() => {
    if (deck !== undefined) openDeckSpeakerWindow(deck, position);
    else if (flowId) openSpeakerWindow(key, flowId, position);
  }, [deck, key, flowId, position]);
  useOpenKey(flowId !== undefined ? open : undefined);
  return null;
}
