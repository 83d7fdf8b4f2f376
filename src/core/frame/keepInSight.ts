import type { Box } from '../layout/types.ts';
import type { CameraView, ScreenSize } from './cameraPath.ts';

/** How close to the screen's edge a node may come and still count as in sight, in px. */
const SIGHT_MARGIN = 16;

/**
 * Where the camera goes so that `box` is wholly in sight: `null` when it
 * already is from `view`; else the view, at the same zoom, that centres
 * `centreOn` (a group's title rather than its middle, say).
 *
 * @example keepInSight(api, api, { x: -900, y: 0, zoom: 2 }, { width: 800, height: 600 }) // { x: …, y: …, zoom: 2 }
 */
export function keepInSight(
  box: Box,
  centreOn: Box,
  view: CameraView,
  screen: ScreenSize,
): CameraView | null {
  const left = box.x * view.zoom + view.x;
  const top = box.y * view.zoom + view.y;
  const inside =
    left >= SIGHT_MARGIN &&
    top >= SIGHT_MARGIN &&
    left + box.width * view.zoom <= screen.width - SIGHT_MARGIN &&
    top + box.height * view.zoom <= screen.height - SIGHT_MARGIN;
  if (inside) return null;
  const x = centreOn.x + centreOn.width / 2;
  const y = centreOn.y + centreOn.height / 2;
  return {
    x: screen.width / 2 - x * view.zoom,
    y: screen.height / 2 - y * view.zoom,
    zoom: view.zoom,
  };
}
