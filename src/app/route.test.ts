import { describe, expect, it } from 'vitest';
import {
  deckHref,
  diagramHref,
  joinHref,
  parseRoute,
  speakerDeckHref,
  speakerHref,
} from './route.ts';

describe('parseRoute', () => {
  it('reads home, a diagram and a flow step', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#/')).toEqual({ kind: 'home' });
    expect(parseRoute('#/d/cri-chain')).toEqual({ kind: 'diagram', id: 'cri-chain' });
    expect(parseRoute('#/d/cri-chain/create/3')).toEqual({
      kind: 'diagram',
      id: 'cri-chain',
      flow: 'create',
      step: 3,
    });
    expect(parseRoute('#/embed/cri-chain/create/3')).toEqual({
      kind: 'diagram',
      id: 'cri-chain',
      flow: 'create',
      step: 3,
      embed: true,
    });
    expect(parseRoute('#/d/a/main')).toMatchObject({ flow: 'main', step: 1 });
    expect(parseRoute('#/d/a/main/0')).toMatchObject({ step: 1 });
  });
  it('round-trips ids that need escaping, and survives broken escapes', () => {
    const href = diagramHref('파드 생성', 'a/b', 2);
    expect(parseRoute(href)).toEqual({ kind: 'diagram', id: '파드 생성', flow: 'a/b', step: 2 });
    expect(parseRoute('#/d/%E0%A4%A')).toEqual({ kind: 'diagram', id: '%E0%A4%A' });
  });
  it('reads the join page of a live class, with or without its room code', () => {
    expect(parseRoute('#/join')).toEqual({ kind: 'join' });
    expect(parseRoute('#/join/')).toEqual({ kind: 'join' });
    expect(parseRoute('#/join/k7m2q')).toEqual({ kind: 'join', code: 'K7M2Q' });
    expect(parseRoute(joinHref('K7M2Q'))).toEqual({ kind: 'join', code: 'K7M2Q' });
    expect(parseRoute(joinHref())).toEqual({ kind: 'join' });
    // A diagram called join is still a diagram.
    expect(parseRoute('#/d/join')).toEqual({ kind: 'diagram', id: 'join' });
    expect(parseRoute('#/join/A/B')).toEqual({ kind: 'home' });
  });
  it('reads the speaker view of a step, which needs a flow', () => {
    expect(parseRoute('#/speaker/kubectl-apply/apply/4')).toEqual({
      kind: 'speaker',
      id: 'kubectl-apply',
      flow: 'apply',
      step: 4,
    });
    expect(parseRoute('#/speaker/a/main')).toMatchObject({ kind: 'speaker', step: 1 });
    expect(parseRoute('#/speaker/a/main/0')).toMatchObject({ step: 1 });
    expect(parseRoute('#/speaker/a')).toEqual({ kind: 'home' });
    const href = speakerHref('파드 생성', 'a/b', 2);
    expect(href.startsWith('#/speaker/')).toBe(true);
    expect(parseRoute(href)).toEqual({ kind: 'speaker', id: '파드 생성', flow: 'a/b', step: 2 });
  });
  it('reads a slide of a deck, from 1, and leaves out-of-range slides for the deck to report', () => {
    expect(parseRoute('#/deck/part1/12')).toEqual({ kind: 'deck', id: 'part1', slide: 12 });
    expect(parseRoute('#/deck/part1')).toEqual({ kind: 'deck', id: 'part1', slide: 1 });
    expect(parseRoute('#/deck/part1/0')).toEqual({ kind: 'deck', id: 'part1', slide: 0 });
    expect(parseRoute('#/deck/')).toEqual({ kind: 'home' });
    expect(deckHref('part1', 3)).toBe('#/deck/part1/3');
    expect(deckHref('part1')).toBe('#/deck/part1/1');
    expect(parseRoute(deckHref('1부 강의', 2))).toEqual({ kind: 'deck', id: '1부 강의', slide: 2 });
  });
  it('reads the speaker view of a deck slide, apart from a diagram called deck', () => {
    expect(parseRoute('#/speaker-deck/part1/7')).toEqual({
      kind: 'speaker-deck',
      id: 'part1',
      slide: 7,
    });
    expect(parseRoute('#/speaker-deck/part1')).toEqual({
      kind: 'speaker-deck',
      id: 'part1',
      slide: 1,
    });
    expect(parseRoute('#/speaker-deck/part1/0')).toMatchObject({ slide: 1 });
    expect(parseRoute('#/speaker-deck/')).toEqual({ kind: 'home' });
    // A diagram named `deck` keeps its speaker view.
    expect(parseRoute('#/speaker/deck/part1/3')).toEqual({
      kind: 'speaker',
      id: 'deck',
      flow: 'part1',
      step: 3,
    });
    expect(speakerDeckHref('part1', 3)).toBe('#/speaker-deck/part1/3');
    expect(parseRoute(speakerDeckHref('1부 강의', 2))).toEqual({
      kind: 'speaker-deck',
      id: '1부 강의',
      slide: 2,
    });
  });
});
