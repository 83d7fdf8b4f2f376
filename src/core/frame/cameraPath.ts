/** React Flow's camera: the screen is `flow × zoom + (x, y)`. */
export interface CameraView {
  x: number;
  y: number;
  zoom: number;
}

/** The canvas's size in screen pixels. */
export interface ScreenSize {
  width: number;
  height: number;
}

/** d3-zoom's `interpolateZoom` curvature (√2, van Wijk and Nuij's "optimal" path). */
const RHO = Math.SQRT2;
const RHO2 = 2;
const RHO4 = 4;

const cosh = (x: number) => {
  const e = Math.exp(x);
  return (e + 1 / e) / 2;
};
const sinh = (x: number) => {
  const e = Math.exp(x);
  return (e - 1 / e) / 2;
};
const tanh = (x: number) => {
  const e = Math.exp(2 * x);
  return (e - 1) / (e + 1);
};

/** d3's cubic in-out, the ease React Flow gives its camera flights. */
export function easeCubicInOut(t: number): number {
  const u = t * 2;
  return (u <= 1 ? u * u * u : (u - 2) * (u - 2) * (u - 2) + 2) / 2;
}

/**
 * The camera's flight from one view to another, as React Flow flies it
 * (`setViewport` with a duration: d3-zoom's transition): the point at the
 * screen's centre and the width the screen spans (its larger side) follow
 * van Wijk and Nuij's smooth zoom, zooming out on the way when the views are
 * far apart. Takes t in [0, 1], already eased; t = 1 gives `to` exactly.
 *
 * @example
 * const at = cameraPath({ x: 0, y: 0, zoom: 1 }, { x: -400, y: 0, zoom: 1 }, { width: 800, height: 600 });
 * at(0.5); // { x: -200, y: …, zoom: < 1 }: half way, zoomed out a little
 */
export function cameraPath(
  from: CameraView,
  to: CameraView,
  size: ScreenSize,
): (t: number) => CameraView {
  const px = size.width / 2;
  const py = size.height / 2;
  const span = Math.max(size.width, size.height);
  // What the screen's centre shows (flow coordinates) and the flow width it spans.
  const ux0 = (px - from.x) / from.zoom;
  const uy0 = (py - from.y) / from.zoom;
  const w0 = span / from.zoom;
  const ux1 = (px - to.x) / to.zoom;
  const uy1 = (py - to.y) / to.zoom;
  const w1 = span / to.zoom;
  const dx = ux1 - ux0;
  const dy = uy1 - uy0;
  const d2 = dx * dx + dy * dy;
  let centreAt: (t: number) => [number, number, number];
  if (d2 < 1e-12) {
    const s = Math.log(w1 / w0) / RHO;
    centreAt = (t) => [ux0 + t * dx, uy0 + t * dy, w0 * Math.exp(RHO * t * s)];
  } else {
    const d1 = Math.sqrt(d2);
    const b0 = (w1 * w1 - w0 * w0 + RHO4 * d2) / (2 * w0 * RHO2 * d1);
    const b1 = (w1 * w1 - w0 * w0 - RHO4 * d2) / (2 * w1 * RHO2 * d1);
    const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
    const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
    const s = (r1 - r0) / RHO;
    const coshR0 = cosh(r0);
    centreAt = (t) => {
      const u = (w0 / (RHO2 * d1)) * (coshR0 * tanh(RHO * t * s + r0) - sinh(r0));
      return [ux0 + u * dx, uy0 + u * dy, (w0 * coshR0) / cosh(RHO * t * s + r0)];
    };
  }
  return (t) => {
    if (t >= 1) return to;
    const [ux, uy, w] = centreAt(t);
    const zoom = span / w;
    return { x: px - ux * zoom, y: py - uy * zoom, zoom };
  };
}

/** The view that shows flow point `at` in the screen's centre at `zoom` (React Flow's `setCenter`). */
export function centredView(at: { x: number; y: number }, zoom: number, size: ScreenSize) {
  return { x: size.width / 2 - at.x * zoom, y: size.height / 2 - at.y * zoom, zoom };
}

/** The flow point under a point of the screen (relative to the canvas's top-left corner). */
export function flowPointAt(view: CameraView, screen: { x: number; y: number }) {
  return { x: (screen.x - view.x) / view.zoom, y: (screen.y - view.y) / view.zoom };
}

/** Two views the eye cannot tell apart. */
export function sameView(a: CameraView, b: CameraView): boolean {
  return (
    Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01 && Math.abs(a.zoom - b.zoom) < 1e-6
  );
}
