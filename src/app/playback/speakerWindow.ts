import { speakerDeckHref, speakerHref } from '../route.ts';

function openWindow(href: string) {
  const popup = window.open(href, 'flowdeck-speaker', 'popup,width=1100,height=720');
  popup?.focus();
}

/** Opens (or brings back) the speaker window on a step (from 0) of a flow. */
export function openSpeakerWindow(diagramId: string, flowId: string, step: number) {
  openWindow(speakerHref(diagramId, flowId, step + 1));
}

/** Opens (or brings back) the speaker window on a slide (from 0) of a deck. */
export function openDeckSpeakerWindow(deckId: string, index: number) {
  openWindow(speakerDeckHref(deckId, index + 1));
}
