import { describe, expect, it } from 'vitest';
import type { Cue } from '../../classroom/protocol.ts';
import { cueHref, cueOfHash } from './cue.ts';

describe('cues and routes', () => {
  it('goes from a cue to its route and back', () => {
    const cues: Cue[] = [
      { kind: 'diagram', diagram: 'cri-chain' },
      { kind: 'diagram', diagram: '파드 생성', flow: 'a/b', step: 3 },
      { kind: 'deck', deck: 'lesson', slide: 7 },
    ];
    for (const cue of cues) expect(cueOfHash(cueHref(cue))).toEqual(cue);
    expect(cueHref({ kind: 'deck', deck: 'lesson', slide: 2 })).toBe('#/deck/lesson/2');
  });

  it('has no cue for what the class cannot follow', () => {
    for (const hash of [
      '#/',
      '#/drafts',
      '#/draft/x',
      '#/embed/a',
      '#/join/K7M2Q',
      '#/speaker/a/f/1',
    ])
      expect(cueOfHash(hash)).toBe(null);
  });
});
