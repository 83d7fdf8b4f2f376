import type { LaidOutEdge, LaidOutNode } from '../core/layout/types.ts';
import type { LayoutAnswer } from '../core/layoutSource.ts';
import type { ScreenShape } from '../core/model/screenShape.ts';
import type { Diagnostic } from '../core/model/types.ts';
import type { Limits } from '../core/parse/limits.ts';

/** Main thread → layout worker: parse and lay out this source. */
export interface LayoutRequest {
  requestId: number;
  /** Requests on one channel supersede each other; different channels queue. */
  channel: string;
  text: string;
  file: string;
  /** Groups drawn collapsed (a view state, not part of the source). */
  collapsed?: string[];
  /** The shape of the screen it is for (a spec's `aspect:` wins); none is as written. */
  screen?: ScreenShape;
  /** Over `DEFAULT_LIMITS` (the app's `?limits=`). */
  limits?: Partial<Limits>;
}

/** Where a request is, so the user sees progress rather than a frozen screen. */
export type LayoutPhase = 'queued' | 'parsing' | 'layout';

/**
 * Layout worker → main thread. Any number of `progress` messages, then one
 * final answer. A big diagram's nodes and edges come ahead of it in `part`
 * messages (`inParts()`), so reading no one message holds the main thread
 * up for long; the final answer then carries the rest.
 */
export type LayoutResponse =
  | { requestId: number; progress: LayoutPhase }
  | { requestId: number; part: DiagramPart }
  | { requestId: number; cancelled: true }
  /** The worker's answer (`layoutSource()`), or the client's own `timeout`. */
  | ({ requestId: number } & LayoutAnswer)
  | {
      requestId: number;
      ok: false;
      /**
       * It ran longer than the client allows (`LayoutClientOptions.timeoutMs`),
       * so the client stopped the worker (never sent by the worker itself).
       */
      reason: 'timeout';
      diagnostics: Diagnostic[];
      message: string;
    };

/** Some of a diagram's nodes and edges, in order. */
export interface DiagramPart {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** A final answer: no progress message, no part. */
export type LayoutResult = Exclude<
  LayoutResponse,
  { progress: LayoutPhase } | { part: DiagramPart }
>;
