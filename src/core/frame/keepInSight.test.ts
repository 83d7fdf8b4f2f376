import { describe, expect, it } from 'vitest';
import { keepInSight } from './keepInSight.ts';

const screen = { width: 800, height: 600 };
const box = { x: 100, y: 100, width: 100, height: 40 };

describe('keepInSight', () => {
  it('leaves the camera where it is while the box is wholly in sight', () => {
    expect(keepInSight(box, box, { x: 0, y: 0, zoom: 1 }, screen)).toBeNull();
  });

  it('centres a box half out of sight, or under the margin, at the same zoom', () => {
    const half = { x: -150, y: 0, zoom: 2 }; // the box's left edge at x = 50 px… and its right at 250: in
    expect(keepInSight(box, box, half, screen)).toBeNull();
    const cut = { x: 500, y: 0, zoom: 2 }; // 700 to 900 px: past the right edge
    expect(keepInSight(box, box, cut, screen)).toEqual({
      x: 400 - 150 * 2,
      y: 300 - 120 * 2,
      zoom: 2,
    });
    expect(keepInSight(box, box, { x: -90, y: 0, zoom: 1 }, screen)).not.toBeNull();
  });

  it('centres what it is told to: a group its title', () => {
    const title = { x: 100, y: 100, width: 100, height: 20 };
    const group = { ...title, height: 2000 };
    expect(keepInSight(group, title, { x: 0, y: 0, zoom: 1 }, screen)).toEqual({
      x: 250,
      y: 190,
      zoom: 1,
    });
  });
});
