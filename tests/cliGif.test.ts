import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decompressFrames, type ParsedFrame, parseGIF } from 'gifuct-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFlags } from '../src/cli/export.ts';
import { buildTimeline, type Timeline } from '../src/core/animate/timeline.ts';
import { type ClipOptions, planClip } from '../src/core/export/clip.ts';
import { PALETTES } from '../src/core/export/palette.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

const run = promisify(execFile);
const FILE = 'diagrams/kubectl-apply.yaml';

/** Runs the real bin, as `npx flowdeck` does. */
async function flowdeck(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/flowdeck.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A GIF as a viewer plays it: its size, whether it loops forever, each frame's delay and picture. */
function readGif(path: string) {
  const bytes = readFileSync(path);
  const gif = parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const frames = decompressFrames(gif, true);
  const { width, height } = gif.lsd;
  // NETSCAPE2.0, sub-block 1, loop count 0: forever.
  const at = bytes.indexOf('NETSCAPE2.0');
  const loopsForever = at > 0 && bytes[at + 12] === 1 && bytes.readUInt16LE(at + 13) === 0;
  /** Frame `n` drawn over the frames before, as a viewer shows it. */
  const picture = (n: number) => {
    const canvas = new Uint8ClampedArray(width * height * 4);
    for (const frame of frames.slice(0, n + 1)) paint(canvas, width, frame);
    return (x: number, y: number) => [
      ...canvas.subarray((y * width + x) * 4, (y * width + x) * 4 + 3),
    ];
  };
  return { width, height, loopsForever, delays: frames.map((f) => f.delay), picture };
}

function paint(canvas: Uint8ClampedArray, width: number, frame: ParsedFrame) {
  const { left, top, width: w, height: h } = frame.dims;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const from = (y * w + x) * 4;
      if (frame.patch[from + 3] === 0) continue;
      canvas.set(frame.patch.subarray(from, from + 4), ((top + y) * width + left + x) * 4);
    }
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 24);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

let diagram: LaidOutDiagram;
let timeline: Timeline;
const clipAt = (options: Partial<ClipOptions>) =>
  planClip(diagram, timeline, { width: 1280, height: 720, fps: 15, ...options });

beforeAll(async () => {
  const { model } = parseDiagram(readFileSync(FILE, 'utf8'), { file: FILE });
  if (!model) throw new Error('no model');
  diagram = await createDefaultLayoutEngine().layout(model);
  const flow = diagram.flows[0];
  if (!flow) throw new Error('no flow');
  timeline = buildTimeline(diagram, flow);
});

describe('flowdeck export --format gif', () => {
  it('plays the whole flow, looping, 960×540, a frame per distinct picture, lit nodes in the active colour', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flowdeck-gif-')), 'k.gif');
    const { code, stdout, stderr } = await flowdeck('export', FILE, '-o', out, '--fps', '5');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const clip = clipAt({ fps: 5 });
    const distinct = [...clip.frames()];
    expect(stdout).toContain(`${out}  `);
    expect(stdout).toContain(`${distinct.length} frames`);
    const gif = readGif(out);
    expect([gif.width, gif.height]).toEqual([960, 540]);
    expect(gif.loopsForever).toBe(true);
    expect(gif.delays).toHaveLength(distinct.length);
    expect(Math.abs(sum(gif.delays) - clip.duration * 1000)).toBeLessThanOrEqual(200);

    // Step 2 settled: a node it lights is drawn with the active colour on its border.
    const k = 1;
    const start = clip.steps[k]?.start ?? 0;
    const settled = start + 0.9 * ((clip.steps[k + 1]?.start ?? clip.duration) - start);
    const n = distinct.findLastIndex((f) => f.index <= settled * 5);
    const [, tx = 0, ty = 0, zoom = 1] =
      /translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)/.exec(clip.svgAt(settled))?.map(Number) ??
      [];
    const lit = diagram.nodes.find(
      (node) => node.kind !== 'group' && timeline.steps[k]?.nodes[node.id] === 'active',
    );
    if (!lit) throw new Error('step 2 lights a node');
    const pixel = gif.picture(n);
    const y = Math.round((ty + (lit.y + lit.height / 2) * zoom) * 0.75);
    const x = (tx + lit.x * zoom) * 0.75;
    const border = [-3, -2, -1, 0, 1, 2, 3].map((d) => pixel(Math.round(x) + d, y));
    expect(border.some((c) => near(c, rgb(PALETTES.light.active)))).toBe(true);
  });

  it('--step N is one step, as long as it lasts; -o .gif is enough, --format gif also', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-gif-'));
    const out = join(dir, 'step.gif');
    const { code } = await flowdeck('export', FILE, '--step', '3', '-o', out, '--width', '640');
    expect(code).toBe(0);
    const gif = readGif(out);
    expect([gif.width, gif.height]).toEqual([640, 360]);
    const seconds = timeline.steps[2]?.duration ?? 0;
    expect(Math.abs(sum(gif.delays) - seconds * 1000)).toBeLessThanOrEqual(1000 / 15);
    const named = join(dir, 'step');
    const formatted = await flowdeck('export', FILE, '--step', '3', '--format', 'gif', '-o', named);
    expect(formatted.code).toBe(0);
    expect(readGif(named).delays).toEqual(gif.delays);
  });

  it('says what is wrong with a flag', () => {
    const problems: [Record<string, string>, string][] = [
      [{ fps: '60' }, '--fps must be a number above 0 and at most 50, not "60"'],
      [{ fps: 'x' }, '--fps must be a number above 0 and at most 50'],
      [{ width: '12.5' }, '--width must be a whole number of pixels from 160 to 1920'],
      [{ height: '9999' }, '--height must be a whole number of pixels from 160 to 1920'],
      [{ speed: '0' }, '--speed must be a number above 0'],
      [{ scale: '2' }, "--scale is for PNG; a GIF's size is --width"],
      [{ format: 'mp4' }, '--format must be svg, png or gif, not "mp4"'],
    ];
    for (const [flags, message] of problems)
      expect(readExportFlags({ output: 'k.gif', ...flags })).toContain(message);
    expect(readExportFlags({ output: 'k.png', fps: '10' })).toBe(
      '--fps is for a GIF (--format gif, or -o <name>.gif)',
    );
    expect(readExportFlags({ output: 'k.svg', stills: true })).toContain('--stills is for a GIF');
    expect(readExportFlags({ output: 'k.gif', caption: false, flow: 'apply' })).toMatchObject({
      caption: false,
      flow: 'apply',
    });
  });

  it('names the flows when the one asked for is not there, and refuses a folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flowdeck-gif-')), 'k.gif');
    const unknown = await flowdeck('export', FILE, '-o', out, '--flow', 'aply');
    expect(unknown.stderr).toContain('no flow `aply` in kubectl-apply; its flows: `apply`');
    expect(unknown.code).toBe(1);
    const folder = await flowdeck('export', 'diagrams/', '-o', out, '--format', 'gif');
    expect(folder.stderr).toContain('a GIF plays one flow: export one file at a time');
    expect(folder.code).toBe(2);
  });
});
