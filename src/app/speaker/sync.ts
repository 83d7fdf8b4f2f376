/**
 * Keeps the presenting windows (the diagram view and its speaker view) on the
 * same step over a BroadcastChannel. Every window can drive: it posts the
 * steps it moves to and follows the ones others post. The audience's window
 * also says its screen shape, so the speaker view draws the layout the
 * audience sees rather than one for its own window.
 */
import { SCREEN_SHAPES, type ScreenShape } from '../../core/model/screenShape.ts';

export const CHANNEL_NAME = 'flowdeck-present';

/** What the windows say to each other. Steps count from 1, as in the URL. */
export type SyncMessage =
  | { type: 'step'; diagram: string; flow: string; step: number; from: string }
  /** The screen shape the diagram (or deck) is laid out for in the audience's window. */
  | { type: 'shape'; diagram: string; shape: ScreenShape; from: string }
  /** A newly opened window asks the others where they are. */
  | { type: 'hello'; from: string };

/** The part of a BroadcastChannel this uses (a fake one in tests). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface StepSync {
  /** Tells the other windows this one is at `step` (from 1) of a flow. */
  post(diagram: string, flow: string, step: number): void;
  /** Tells the other windows the screen shape this one lays `diagram` out for. */
  postShape(diagram: string, shape: ScreenShape): void;
  /** Asks the other windows to post their step. */
  hello(): void;
  close(): void;
}

/** A message another window could have sent, or null for anything else. */
export function readMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.from !== 'string') return null;
  if (m.type === 'hello') return { type: 'hello', from: m.from };
  if (
    m.type === 'shape' &&
    typeof m.diagram === 'string' &&
    SCREEN_SHAPES.includes(m.shape as ScreenShape)
  ) {
    return { type: 'shape', diagram: m.diagram, shape: m.shape as ScreenShape, from: m.from };
  }
  if (
    m.type === 'step' &&
    typeof m.diagram === 'string' &&
    typeof m.flow === 'string' &&
    typeof m.step === 'number' &&
    Number.isInteger(m.step) &&
    m.step >= 1
  ) {
    return { type: 'step', diagram: m.diagram, flow: m.flow, step: m.step, from: m.from };
  }
  return null;
}

function windowId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`;
}

/**
 * Opens the channel. `onStep`, `onShape` and `onHello` hear only other
 * windows' messages (a BroadcastChannel does not echo to its sender, but a
 * fake or a second channel in the same window might).
 */
export function openStepSync({
  onStep,
  onShape,
  onHello,
  channel = new BroadcastChannel(CHANNEL_NAME) as ChannelLike,
  id = windowId(),
}: {
  onStep: (message: Extract<SyncMessage, { type: 'step' }>) => void;
  onShape?: (message: Extract<SyncMessage, { type: 'shape' }>) => void;
  onHello: () => void;
  channel?: ChannelLike;
  id?: string;
}): StepSync {
  channel.onmessage = (event) => {
    const message = readMessage(event.data);
    if (!message || message.from === id) return;
    if (message.type === 'hello') onHello();
    else if (message.type === 'shape') onShape?.(message);
    else onStep(message);
  };
  return {
    post: (diagram, flow, step) =>
      channel.postMessage({ type: 'step', diagram, flow, step, from: id } satisfies SyncMessage),
    postShape: (diagram, shape) =>
      channel.postMessage({ type: 'shape', diagram, shape, from: id } satisfies SyncMessage),
    hello: () => channel.postMessage({ type: 'hello', from: id } satisfies SyncMessage),
    close: () => {
      channel.onmessage = null;
      channel.close();
    },
  };
}
