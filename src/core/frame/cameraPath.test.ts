import { describe, expect, it } from 'vitest';
import {
  type CameraView,
  cameraPath,
  centredView,
  easeCubicInOut,
  flowPointAt,
} from './cameraPath.ts';

const SCREEN = { width: 1280, height: 800 };

function expectView(actual: CameraView, expected: CameraView) {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
  expect(actual.zoom).toBeCloseTo(expected.zoom, 9);
}

describe('cameraPath', () => {
  const from = { x: 12, y: -340, zoom: 0.8 };
  const to = { x: -900, y: -1800, zoom: 1.25 };

  it('starts where the camera is and ends exactly where it goes', () => {
    const at = cameraPath(from, to, SCREEN);
    expectView(at(0), from);
    expect(at(1)).toBe(to);
  });

  // Reference values from d3-zoom's transition (interpolateZoom about the
  // screen's centre), which React Flow's setViewport({ duration }) runs.
  it('flies the path d3-zoom flies, zooming out on the way', () => {
    const at = cameraPath(from, to, SCREEN);
    expectView(at(0.25), { x: -58.0661243729387, y: -494.1845486354298, zoom: 0.7569616554188704 });
    expectView(at(0.5), {
      x: -217.47818534462124,
      y: -762.8163583547905,
      zoom: 0.8108073247031705,
    });
    expectView(at(0.9), { x: -714.445419774162, y: -1523.4435120610588, zoom: 1.1205895686782315 });
  });

  it('zooms about the screen centre when that shows the same point', () => {
    const at = cameraPath({ x: 0, y: 0, zoom: 1 }, { x: -640, y: -400, zoom: 2 }, SCREEN);
    expectView(at(0.5), { x: -265.09667991878086, y: -165.68542494923804, zoom: Math.SQRT2 });
  });
});

describe('easeCubicInOut', () => {
  it('is d3’s cubic in-out', () => {
    expect(easeCubicInOut(0)).toBe(0);
    expect(easeCubicInOut(0.1)).toBeCloseTo(0.004, 12);
    expect(easeCubicInOut(0.5)).toBe(0.5);
    expect(easeCubicInOut(0.7)).toBeCloseTo(0.892, 12);
    expect(easeCubicInOut(1)).toBe(1);
  });
});

describe('views and points', () => {
  it('centres a flow point, and reads it back at the screen centre', () => {
    const view = centredView({ x: 300, y: 120 }, 1.25, SCREEN);
    expect(view).toEqual({ x: 640 - 375, y: 400 - 150, zoom: 1.25 });
    expect(flowPointAt(view, { x: 640, y: 400 })).toEqual({ x: 300, y: 120 });
  });
});
