/// <reference lib="webworker" />
import type { EmbeddedFont, TextNeeds } from '../../core/export/types.ts';
import { type FontSources, subsetFontsFrom } from './fontSubsetter.ts';

/** A request from `fonts.ts`, and the answer to it. */
export interface FontRequest {
  id: number;
  sources: FontSources;
  needs: TextNeeds;
}
export type FontAnswer =
  | { id: number; ok: true; fonts: EmbeddedFont[] }
  | { id: number; ok: false; message: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<FontRequest>) => {
  const { id, sources, needs } = event.data;
  let answer: FontAnswer;
  try {
    answer = { id, ok: true, fonts: await subsetFontsFrom(sources, needs) };
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
