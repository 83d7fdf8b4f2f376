import { createContext, useContext } from 'react';
import type { Camera } from './camera.ts';

/** The canvas's camera, for what is drawn inside `<Canvas>` (presenter mode's spotlight). */
export const CameraContext = createContext<Camera | null>(null);

export function useCamera(): Camera {
  const camera = useContext(CameraContext);
  if (!camera) throw new Error('useCamera() is for children of <Canvas>');
  return camera;
}
