/**
 * How the camera frames a flow's steps: the app's canvas (`useFraming`) and
 * the video writer (`core/export/clip.ts`) follow the same rules, so a clip
 * moves as the player does.
 */

export const MIN_ZOOM = 0.02;
/** The whole diagram is never shown larger than this. */
export const WHOLE_MAX_ZOOM = 1.5;
/** The camera never zooms a step's subjects in further than this. */
export const FOCUS_MAX_ZOOM = 1.25;
/** Room the camera keeps around what it frames, as a share of the screen's smaller side. */
export const FRAME_MARGIN = 0.04;
/** How long the camera flies to a flow step. */
export const STEP_GLIDE_MS = 700;
/** How long a step's states take to change (the player's `--fd-duration`). */
export const STATE_FADE_MS = 350;
