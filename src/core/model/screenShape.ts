/**
 * The screen shapes a layout can be shaped for, named as people name them.
 * A view picks the one nearest its window (`nearestShape`), so every window
 * of one shape gets one stable layout, and resizing within a shape never
 * lays the diagram out again.
 */
export const SCREEN_SHAPES = ['16:9', '4:3', '1:1', '3:4', '9:16'] as const;
export type ScreenShape = (typeof SCREEN_SHAPES)[number];

/** What a spec's `aspect:` may say: a shape, or `none` for the layout as written. */
export type AspectSetting = ScreenShape | 'none';

/** Width over height of a shape: `'16:9'` → 1.78. */
export function shapeRatio(shape: ScreenShape): number {
  const [w, h] = shape.split(':').map(Number) as [number, number];
  return w / h;
}

/** The shape nearest a width and height (compared as ratios, on a log scale). */
export function nearestShape(width: number, height: number): ScreenShape {
  const ratio = Math.log(Math.max(width, 1) / Math.max(height, 1));
  let best: ScreenShape = '16:9';
  for (const shape of SCREEN_SHAPES) {
    if (
      Math.abs(Math.log(shapeRatio(shape)) - ratio) < Math.abs(Math.log(shapeRatio(best)) - ratio)
    )
      best = shape;
  }
  return best;
}

/**
 * The shape a diagram is laid out for: the spec's own `aspect:` wins over
 * the screen's; `none`, or no shape at all, is the layout as written.
 */
export function effectiveShape(
  pinned: AspectSetting | undefined,
  screen: ScreenShape | undefined,
): ScreenShape | undefined {
  if (pinned === 'none') return undefined;
  return pinned ?? screen;
}
