import { describe, expect, it } from 'vitest';
import { freeRects } from './freeRects.ts';

describe('freeRects', () => {
  it('is the whole screen when nothing covers it', () => {
    expect(freeRects({ width: 800, height: 600, covered: [] })).toEqual([
      { x: 0, y: 0, width: 800, height: 600 },
    ]);
  });

  it('gives the band beside and the band below a corner button', () => {
    const rects = freeRects({
      width: 800,
      height: 600,
      covered: [{ x: 700, y: 0, width: 100, height: 40 }],
    });
    expect(rects).toHaveLength(2);
    expect(rects).toContainEqual({ x: 0, y: 0, width: 700, height: 600 });
    expect(rects).toContainEqual({ x: 0, y: 40, width: 800, height: 560 });
  });

  it('keeps the room between a header and a caption band, and ignores what lies off screen or is a sliver', () => {
    const rects = freeRects({
      width: 800,
      height: 600,
      covered: [
        { x: -10, y: -10, width: 820, height: 60 },
        { x: 0, y: 520, width: 800, height: 200 },
        { x: 900, y: 100, width: 50, height: 50 },
        { x: 0, y: 300, width: 800, height: 0.4 },
      ],
    });
    expect(rects).toEqual([{ x: 0, y: 50, width: 800, height: 470 }]);
  });

  it('never gives a rectangle that a cover overlaps', () => {
    const covered = [
      { x: 15, y: 400, width: 30, height: 110 },
      { x: 600, y: 420, width: 185, height: 165 },
      { x: 300, y: 10, width: 200, height: 40 },
    ];
    const rects = freeRects({ width: 800, height: 600, covered });
    expect(rects.length).toBeGreaterThan(2);
    for (const r of rects) {
      for (const c of covered) {
        const w = Math.min(r.x + r.width, c.x + c.width) - Math.max(r.x, c.x);
        const h = Math.min(r.y + r.height, c.y + c.height) - Math.max(r.y, c.y);
        expect(w <= 0 || h <= 0).toBe(true);
      }
    }
  });
});
