import type { ExportTheme } from './types.ts';

/**
 * The diagram colours of `src/app/palette.css`, resolved per theme, for files
 * that cannot use CSS variables or `light-dark()` (Inkscape, PowerPoint and
 * resvg read plain colours). `tests/exportPalette.test.ts` keeps the two in step.
 */
export interface Palette {
  surface: string;
  ink: string;
  nodeFill: string;
  nodeStroke: string;
  nodeStrokeWidth: number;
  edge: string;
  edgeWidth: number;
  edgeLabelBg: string;
  edgeLabelOpacity: number;
  edgeLabelInk: string;
  /** Groups by nesting depth modulo 4. */
  groups: readonly { fill: string; stroke: string; ink: string }[];
  groupStrokeWidth: number;
  accent: string;
  accentInk: string;
  active: string;
  activeFill: string;
  /** The glow around what is active: a colour and its opacity. */
  activeHalo: string;
  activeHaloOpacity: number;
  visited: string;
  visitedFill: string;
  failed: string;
  failedFill: string;
  dimOpacity: number;
  dimGroupOpacity: number;
  /** How much of an author's fill, stroke and text colour shows (0–1), as `--fd-user-*-share`. */
  userShare: { fill: number; stroke: number; ink: number };
}

const LIGHT: Palette = {
  surface: '#ffffff',
  ink: '#1c2430',
  nodeFill: '#ffffff',
  nodeStroke: '#4a5668',
  nodeStrokeWidth: 1.5,
  edge: '#4a5668',
  edgeWidth: 1.6,
  edgeLabelBg: '#ffffff',
  edgeLabelOpacity: 0.94,
  edgeLabelInk: '#1c2430',
  groups: [
    { fill: '#e7edfb', stroke: '#7a8fca', ink: '#233772' },
    { fill: '#e2f3e9', stroke: '#68a281', ink: '#1b4f34' },
    { fill: '#fbeedc', stroke: '#c2975a', ink: '#6b420c' },
    { fill: '#efe7fa', stroke: '#9a84c5', ink: '#4a2f7a' },
  ],
  groupStrokeWidth: 1.4,
  accent: '#2b58c4',
  accentInk: '#ffffff',
  active: '#c2410c',
  activeFill: '#fff0e2',
  activeHalo: '#c2410c',
  activeHaloOpacity: 0.35,
  visited: '#dc9566',
  visitedFill: '#fff8f2',
  failed: '#b3261e',
  failedFill: '#fde8e6',
  dimOpacity: 0.28,
  dimGroupOpacity: 0.5,
  userShare: { fill: 1, stroke: 1, ink: 1 },
};

const DARK: Palette = {
  surface: '#1a1f26',
  ink: '#e4e8ee',
  nodeFill: '#232a35',
  nodeStroke: '#a1adbe',
  nodeStrokeWidth: 1.5,
  edge: '#a1adbe',
  edgeWidth: 1.6,
  edgeLabelBg: '#1a1f26',
  edgeLabelOpacity: 0.94,
  edgeLabelInk: '#e4e8ee',
  groups: [
    { fill: '#1a2238', stroke: '#5d76ba', ink: '#c0cdff' },
    { fill: '#14291f', stroke: '#4d9170', ink: '#a9e4c5' },
    { fill: '#2d2416', stroke: '#a8834b', ink: '#f1d4a5' },
    { fill: '#241d36', stroke: '#8b73bd', ink: '#d7c9f7' },
  ],
  groupStrokeWidth: 1.4,
  accent: '#86abff',
  accentInk: '#0c1424',
  active: '#ffa35c',
  activeFill: '#3b2413',
  activeHalo: '#ffa35c',
  activeHaloOpacity: 0.35,
  visited: '#a8714b',
  visitedFill: '#2a2420',
  failed: '#ff9188',
  failedFill: '#3a1d1c',
  dimOpacity: 0.28,
  dimGroupOpacity: 0.5,
  userShare: { fill: 0.22, stroke: 0.75, ink: 0.45 },
};

export const PALETTES: Readonly<Record<ExportTheme, Palette>> = { light: LIGHT, dark: DARK };
