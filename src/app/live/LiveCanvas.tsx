import { useStore, ViewportPortal } from '@xyflow/react';
import { useEffect } from 'react';
import { sameCue } from '../../classroom/protocol.ts';
import type { LaidOutNode } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { frameWhole } from '../view/reframe.ts';
import { appSession, useSession } from './classroom.ts';

/** A pointer that moves this far (px) with a button down is a pan, not a tap. */
const DRAG_PX = 8;

/** A student answering: a question is open and their screen shows its step. */
function answering(): boolean {
  const state = appSession().getState();
  const question = state.question;
  return (
    state.role === 'student' &&
    question?.state === 'open' &&
    sameCue(playbackStore().getState().showing?.cue ?? null, question.cue)
  );
}

/**
 * A student looking around by themselves stops following the class; but
 * zooming and panning to find a node while answering is part of answering.
 */
function lookAround() {
  if (answering()) return;
  const session = appSession();
  const state = session.getState();
  if (state.role === 'student' && state.following) session.follow(false);
}

/**
 * A student's taps on the canvas: while a question is open on the step on
 * screen, tapping a node answers (and opens no details); otherwise panning,
 * zooming or opening a node's details by hand means they look around alone.
 */
function useStudentTaps(domNode: HTMLElement | null, on: boolean) {
  useEffect(() => {
    if (!domNode || !on) return;
    let down: { x: number; y: number } | null = null;
    const nodeOf = (target: EventTarget | null) =>
      target instanceof Element ? target.closest<HTMLElement>('[data-node-id]') : null;
    const take = (event: Event, node: HTMLElement) => {
      event.preventDefault();
      event.stopPropagation();
      const id = node.dataset.nodeId;
      if (id) appSession().pick(id);
    };
    const onClick = (event: MouseEvent) => {
      const node = nodeOf(event.target);
      if (!node) return;
      if (answering()) take(event, node);
      else lookAround();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const node = nodeOf(event.target)
        ?.closest('.react-flow__node')
        ?.querySelector<HTMLElement>('[data-node-id]');
      if (!node) return;
      if (answering()) take(event, node);
      else lookAround();
    };
    const onDown = (event: PointerEvent) => {
      down = { x: event.clientX, y: event.clientY };
    };
    const onMove = (event: PointerEvent) => {
      if (down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > DRAG_PX) {
        down = null;
        lookAround();
      }
    };
    const onUp = () => {
      down = null;
    };
    const options = { capture: true, passive: false } as const;
    domNode.addEventListener('click', onClick, options);
    domNode.addEventListener('keydown', onKey, options);
    domNode.addEventListener('wheel', lookAround, { capture: true, passive: true });
    domNode.addEventListener('pointerdown', onDown, true);
    domNode.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
    window.addEventListener('pointercancel', onUp, true);
    return () => {
      domNode.removeEventListener('click', onClick, options);
      domNode.removeEventListener('keydown', onKey, options);
      domNode.removeEventListener('wheel', lookAround, { capture: true });
      domNode.removeEventListener('pointerdown', onDown, true);
      domNode.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('pointercancel', onUp, true);
    };
  }, [domNode, on]);
}

interface Mark {
  node: LaidOutNode;
  count: number | null;
  expected: boolean;
  picked: boolean;
}

/**
 * The live session on the diagram, a child of `<Canvas>`: once a question
 * is revealed, how many chose each node, drawn at the node (it pans and
 * zooms with the diagram), the true next hop marked; a student's own pick
 * while they choose. Students' taps go through here too.
 */
export function LiveCanvas() {
  const t = useT();
  const session = useSession();
  const { showing } = usePlayback();
  const domNode = useStore((s) => s.domNode);
  const zoom = useStore((s) => s.transform[2]);
  const isStudent = session.role === 'student';
  useStudentTaps(domNode, isStudent);

  const question = session.question;
  const diagram = showing?.diagram;
  const onQuestion = question !== null && sameCue(showing?.cue ?? null, question.cue);
  // The answer may be anywhere: while the class answers, and while the counts
  // show on the step it was asked on, the canvas frames the whole diagram.
  const wholeNow =
    onQuestion && (question.state === 'open' || session.askedOn?.question === question.id);
  useEffect(() => {
    frameWhole(wholeNow);
  }, [wholeNow]);
  useEffect(() => () => frameWhole(false), []);
  // The diagram the question was asked on is where its counts belong.
  useEffect(() => {
    if (question && onQuestion && diagram && session.askedOn?.question !== question.id) {
      appSession().askedOn(question.id, diagram.id);
    }
  }, [question, onQuestion, diagram, session.askedOn]);

  if (!diagram || !question) return null;
  const revealed =
    question.state === 'revealed' &&
    session.askedOn?.question === question.id &&
    session.askedOn.diagram === diagram.id;
  const counts = revealed ? (session.counts ?? {}) : {};
  const expected = new Set(revealed ? (question.expected ?? []) : []);
  const picked =
    isStudent && session.mine && (revealed || (question.state === 'open' && onQuestion))
      ? session.mine
      : null;
  const marks: Mark[] = [];
  for (const node of diagram.nodes) {
    const count = counts[node.id] ?? 0;
    const mark = {
      node,
      count: revealed ? count : null,
      expected: expected.has(node.id),
      picked: node.id === picked,
    };
    if (count > 0 || mark.expected || mark.picked) marks.push(mark);
  }
  if (marks.length === 0) return null;
  // Badges keep their size on screen whatever the zoom.
  const scale = Math.min(Math.max(1 / zoom, 0.25), 8);
  return (
    <ViewportPortal>
      <div className="fd-live-marks" aria-hidden="true">
        {marks.map(({ node, count, expected: isExpected, picked: isPicked }) => (
          <div
            key={node.id}
            className="fd-live-mark"
            data-mark-node={node.id}
            data-expected={isExpected || undefined}
            data-picked={isPicked || undefined}
            style={{ left: node.x, top: node.y, width: node.width, height: node.height }}
          >
            <span
              className="fd-live-tally"
              style={{ transform: `translate(50%, -50%) scale(${scale})` }}
            >
              {isExpected ? <span className="fd-live-tick">✓</span> : null}
              {count !== null ? <span data-count={count}>{count}</span> : null}
              {isPicked ? <span className="fd-live-you">{t('live.yourPick')}</span> : null}
            </span>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}
