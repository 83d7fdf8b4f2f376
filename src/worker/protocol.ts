import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { Diagnostic } from '../core/model/types.ts';

/** Main thread → layout worker: parse and lay out this source. */
export interface LayoutRequest {
  requestId: number;
  text: string;
  file: string;
}

/** Layout worker → main thread. */
export type LayoutResponse =
  | { requestId: number; ok: true; diagram: LaidOutDiagram; diagnostics: Diagnostic[] }
  | { requestId: number; ok: false; diagnostics: Diagnostic[]; message: string };
