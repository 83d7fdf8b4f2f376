import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decompressFrames, type ParsedFrame, parseGIF } from 'gifuct-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFlags } from '../src/cli/export.ts';
import { buildTimeline, type Timeline } from '../src/core/animate/timeline.ts';
import { type ClipOptions, planClip } from '../src/core/export/clip.ts';
import { PALETTES } from '../src/core/export/palette.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { flowdeck } from './flowdeck.ts';
import { readApng } from './readApng.ts';

const FILE = 'diagrams/kubectl-apply.yaml';

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

/**
 * Whether the left border of a node step k lights, as the picture `svg`
 * frames it, has the active colour in a picture drawn at `scale`.
 */
function litBorder(
  svg: string,
  k: number,
  pixel: (x: number, y: number) => number[],
  scale: number,
) {
  const [, tx = 0, ty = 0, zoom = 1] =
    /translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)/.exec(svg)?.map(Number) ?? [];
  const lit = diagram.nodes.find(
    (node) => node.kind !== 'group' && timeline.steps[k]?.nodes[node.id] === 'active',
  );
  if (!lit) throw new Error(`step ${k + 1} lights a node`);
  const y = Math.round((ty + (lit.y + lit.height / 2) * zoom) * scale);
  const x = Math.round((tx + lit.x * zoom) * scale);
  const border = [-3, -2, -1, 0, 1, 2, 3].map((d) => pixel(x + d, y));
  return border.some((c) => near(c, rgb(PALETTES.light.active)));
}

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

describe('flowdeck export --format gif|apng', () => {
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
    const start = clip.steps[1]?.start ?? 0;
    const settled = start + 0.9 * ((clip.steps[2]?.start ?? clip.duration) - start);
    const n = distinct.findLastIndex((f) => f.index <= settled * 5);
    expect(litBorder(clip.svgAt(settled), 1, gif.picture(n), 0.75)).toBe(true);
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

  it('--format apng (or -o .apng) writes the same clip in full colour, timed to the millisecond', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-apng-'));
    const out = join(dir, 'step.png');
    const args = ['--step', '2', '--width', '640', '--fps', '10'];
    const { code, stdout, stderr } = await flowdeck(
      'export',
      FILE,
      ...args,
      '--format',
      'apng',
      '-o',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const clip = clipAt({ fps: 10, step: 1 });
    const distinct = [...clip.frames()];
    expect(stdout).toContain(`640×360, ${distinct.length} frames`);
    const png = readApng(readFileSync(out));
    expect([png.width, png.height, png.plays]).toEqual([640, 360, 0]);
    expect(png.delays).toHaveLength(distinct.length);
    expect(Math.abs(sum(png.delays) - clip.duration * 1000)).toBeLessThanOrEqual(1);
    const settled = 0.9 * clip.duration;
    const n = distinct.findLastIndex((f) => f.index <= settled * 10);
    expect(litBorder(clip.svgAt(settled), 1, png.picture(n), 0.5)).toBe(true);
    const named = await flowdeck('export', FILE, ...args, '-o', join(dir, 'step.apng'));
    expect(named.code).toBe(0);
    expect(readFileSync(join(dir, 'step.apng'))).toEqual(readFileSync(out));
  });

  it('says what is wrong with a flag', () => {
    const problems: [Record<string, string>, string][] = [
      [{ fps: '60' }, '--fps must be a number above 0 and at most 50, not "60"'],
      [{ fps: 'x' }, '--fps must be a number above 0 and at most 50'],
      [{ width: '12.5' }, '--width must be a whole number of pixels from 160 to 1920'],
      [{ height: '9999' }, '--height must be a whole number of pixels from 160 to 1920'],
      [{ speed: '0' }, '--speed must be a number above 0'],
      [{ scale: '2' }, "--scale is for a still PNG; a GIF's or APNG's size is --width"],
      [{ format: 'jpeg' }, '--format must be svg, png, gif, apng or md, not "jpeg"'],
      [{ format: 'mp4' }, "video needs a browser's encoder: the app's Export menu makes MP4"],
    ];
    for (const [flags, message] of problems)
      expect(readExportFlags({ output: 'k.gif', ...flags })).toContain(message);
    expect(readExportFlags({ output: 'k.png', fps: '10' })).toBe(
      '--fps is for a GIF or APNG (--format gif|apng, or -o <name>.gif)',
    );
    expect(readExportFlags({ output: 'k.svg', stills: true })).toContain('--stills is for a GIF');
    expect(readExportFlags({ output: 'k.png', format: 'apng', fps: '10' })).toMatchObject({
      format: 'apng',
    });
    expect(readExportFlags({ output: 'k.gif', caption: false, flow: 'apply' })).toMatchObject({
      caption: false,
      flow: 'apply',
    });
  });

  it('names the flows when the one asked for is not there, sends video to the app, refuses a folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flowdeck-gif-')), 'k.gif');
    const unknown = await flowdeck('export', FILE, '-o', out, '--flow', 'aply');
    expect(unknown.stderr).toContain('no flow `aply` in kubectl-apply; its flows: `apply`');
    expect(unknown.code).toBe(1);
    const video = await flowdeck('export', FILE, '-o', out.replace('.gif', '.mp4'));
    expect(video.stderr).toContain("video needs a browser's encoder: the app's Export menu");
    expect(video.code).toBe(2);
    const folder = await flowdeck('export', 'diagrams/', '-o', out, '--format', 'gif');
    expect(folder.stderr).toContain('a GIF plays one flow: export one file at a time');
    expect(folder.code).toBe(2);
  });
});
