import { describe, expect, it } from 'vitest';
import { projectOnto } from '../animate/pointAlong.ts';
import { pathLength, type Token } from '../animate/timeline.ts';
import type { Point } from '../layout/types.ts';
import { ARROW_LENGTH } from '../render/edgePath.ts';
import { PALETTES } from './palette.ts';
import { drawTokens, stillToken } from './tokens.ts';

const token = (points: Point[], direction: Token['direction'] = 'forward'): Token => ({
  edgeId: 'a->b',
  points,
  direction,
});

const straight = [
  { x: 0, y: 0 },
  { x: 0, y: 200 },
];
/** Right, then down: a route with a bend. */
const bent = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 60 },
];

describe('stillToken', () => {
  it('puts the dot on the route, late in its trip but short of the arrowhead', () => {
    for (const points of [straight, bent, straight.slice().reverse()]) {
      const { head } = stillToken(token(points));
      const at = projectOnto(points, head);
      const length = pathLength(points);
      expect(at.off).toBeLessThan(1e-9);
      expect(at.along).toBeGreaterThan(length / 2);
      expect(at.along).toBeLessThanOrEqual(length - ARROW_LENGTH - 7);
    }
  });

  it('draws the trail behind the dot, along the route, widening toward the dot', () => {
    const { head, trail, outline } = stillToken(token(straight));
    const along = trail.map((p) => projectOnto(straight, p));
    for (const p of along) expect(p.off).toBeLessThan(1e-9);
    // Tail first, in travel order, ending at the dot.
    expect(along.map((p) => p.along)).toEqual([...along.map((p) => p.along)].sort((a, b) => a - b));
    expect(trail.at(-1)).toEqual(head);
    expect(projectOnto(straight, head).along - (along[0]?.along ?? 0)).toBeGreaterThan(30);
    // The outline: a point at the tail, wider nearer the dot, never wider than the dot.
    const width = (y: number) => outline.filter((p) => Math.abs(p.y - y) < 1e-6).map((p) => p.x);
    const tail = trail[0] as Point;
    expect(Math.max(...width(tail.y)) - Math.min(...width(tail.y))).toBeCloseTo(0);
    const atHead = Math.max(...width(head.y)) - Math.min(...width(head.y));
    expect(atHead).toBeGreaterThan(6);
    expect(atHead).toBeLessThan(14);
  });

  it('follows the route round a bend', () => {
    // The dot is 112 px along, just past the bend at 100: the trail starts before the bend.
    const { trail, outline } = stillToken(token(bent));
    expect(trail).toContainEqual({ x: 100, y: 0 });
    for (const p of outline) expect(projectOnto(bent, p).off).toBeLessThan(14 / 2 + 1e-6);
  });

  it('heads the way the token travels', () => {
    const back = stillToken(token(straight.slice().reverse(), 'backward'));
    expect(back.head.y).toBeLessThan(100);
    expect(back.trail[0]?.y).toBeGreaterThan(back.head.y);
  });

  it('fits a short route: the trail starts at its beginning, the dot before the arrowhead', () => {
    const short = [
      { x: 0, y: 0 },
      { x: 0, y: 44 },
    ];
    const { head, trail } = stillToken(token(short));
    expect(trail[0]).toEqual({ x: 0, y: 0 });
    expect(head.y).toBeLessThanOrEqual(44 - ARROW_LENGTH - 7);
    expect(head.y).toBeGreaterThanOrEqual(22);
  });

  it('draws a dot alone on a route of no length', () => {
    const still = stillToken(
      token([
        { x: 3, y: 4 },
        { x: 3, y: 4 },
      ]),
    );
    expect(still).toMatchObject({ head: { x: 3, y: 4 }, trail: [], outline: [] });
  });
});

describe('drawTokens', () => {
  it('writes each token as its trail, filled with its own gradient, and its dot, in plain attributes', () => {
    const svg = drawTokens(PALETTES.dark, [token(straight), token(bent)], 'fd-x');
    expect(svg.match(/<g class="tk" data-token-edge="a-&gt;b">/g)).toHaveLength(2);
    for (const i of [0, 1]) {
      expect(svg).toContain(`<linearGradient id="fd-x-tk${i}" gradientUnits="userSpaceOnUse"`);
      expect(svg).toContain(`fill="url(#fd-x-tk${i})"`);
    }
    expect(svg).toContain(`stop-color="${PALETTES.dark.active}"`);
    const { head } = stillToken(token(straight));
    expect(svg).toContain(`<circle class="tk-head" cx="${head.x}" cy="${head.y}" r="7"`);
    expect(svg).not.toMatch(/style=|<style/);
  });
});
