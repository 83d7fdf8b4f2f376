import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { buildTimeline, type Timeline } from '../core/animate/timeline.ts';
import { animatedSvg } from '../core/export/animatedSvg.ts';
import { SHAPE_KEYWORD, withPngText } from '../core/export/pngText.ts';
import { staticSvg } from '../core/export/staticSvg.ts';
import { textNeeds } from '../core/export/textNeeds.ts';
import type { ExportTheme, StaticSvgOptions } from '../core/export/types.ts';
import { checkIcons } from '../core/icons/checkIcons.ts';
import type { IconCatalog, IconMap } from '../core/icons/types.ts';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import type { LayoutEngine } from '../core/layout/createLayoutEngine.ts';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import { formatDiagnostic } from '../core/model/formatDiagnostic.ts';
import type { AspectSetting } from '../core/model/screenShape.ts';
import type { Flow, Model } from '../core/model/types.ts';
import { diagramMarkdown } from '../core/outline/markdown.ts';
import type { OutlineSource } from '../core/outline/outline.ts';
import { WORDS, type Words } from '../core/outline/words.ts';
import type { Limits } from '../core/parse/limits.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { type AnimationOptions, flowAnimation } from './animation.ts';
import { isDeckFile } from './deckFiles.ts';
import { elkThreads } from './elkThreads.ts';
import { collectDiagramFiles } from './files.ts';
import { createFontSubsetter, drawsOutsidePretendard, type FontSubsetter } from './fonts.ts';
import { createIconCatalog, loadIcons, usedSetNames } from './icons.ts';
import { createRasterizer, svgToPng } from './png.ts';
import { readDiagramText } from './readText.ts';

/** `md` is the diagram's Outline as Markdown, its text alternative. */
export type ExportFormat = 'svg' | 'png' | 'gif' | 'apng' | 'md';

export interface ExportOptions {
  /** The output file, or the output folder when exporting a folder. */
  output: string;
  /** A flow id, for `step` or `animated`; default: the diagram's first flow. */
  flow?: string;
  /** 1-based step of the flow to draw, with its caption. */
  step?: number;
  animated: boolean;
  /** Default: from the output's extension (one file), both (a folder). */
  format?: ExportFormat;
  /** PNG pixels per SVG unit; 2 unless `--scale` says otherwise. */
  scale: number;
  theme: ExportTheme;
  /** Name Pretendard and the system fonts in SVGs instead of embedding a subset. */
  systemFonts: boolean;
  /** With `step`: draw the caption band. */
  caption: boolean;
  /** Over the defaults (`--limit`). */
  limits?: Partial<Limits>;
  /** `--aspect`: stands in for the spec's `aspect:`; absent keeps it. */
  aspect?: AspectSetting | undefined;
  /** For a GIF or APNG: its size, frame rate and speed, camera and motion. */
  clip: ClipFlags;
  /** The language of an Outline's own words and an SVG's words to screen readers (`--lang`); default English. */
  lang: Words['lang'];
}

/** What a GIF's or APNG's flags set; `--no-caption` is `caption`, `--step` is `step`. */
export type ClipFlags = Pick<
  AnimationOptions,
  'width' | 'height' | 'fps' | 'speed' | 'camera' | 'stills'
>;

/** The command's flags as `parseArgs` gives them. */
export interface ExportFlags {
  output?: string | undefined;
  flow?: string | undefined;
  step?: string | undefined;
  animated?: boolean | undefined;
  format?: string | undefined;
  scale?: string | undefined;
  theme?: string | undefined;
  'system-fonts'?: boolean | undefined;
  caption?: boolean | undefined;
  fps?: string | undefined;
  width?: string | undefined;
  height?: string | undefined;
  speed?: string | undefined;
  camera?: boolean | undefined;
  stills?: boolean | undefined;
  lang?: string | undefined;
}

const MAX_SCALE = 8;
/** Sharp on a high-density screen, where 1× looks blurry; `--scale 1` for the smaller file. */
const DEFAULT_SCALE = 2;
/** Browsers hold a GIF frame shorter than 2 cs (50 fps) for 10 cs instead. */
const MAX_FPS = 50;
const DEFAULT_FPS = 15;
/** As the 720p video looks, at 3/4 the size. */
const DEFAULT_GIF_WIDTH = 960;
const MIN_GIF_SIZE = 160;
const MAX_GIF_SIZE = 1920;
const MAX_SPEED = 10;

/** Checks the flags; returns the options, or what is wrong with them. */
export function readExportFlags(flags: ExportFlags): ExportOptions | string {
  const { output, flow, theme = 'light' } = flags;
  if (!output) return 'export needs -o <file or folder>';
  const format = FORMATS.find((f) => f === flags.format);
  if (flags.format !== undefined && !format)
    return VIDEOS.includes(flags.format.toLowerCase())
      ? NO_VIDEO
      : `--format must be svg, png, gif, apng or md, not "${flags.format}"`;
  if (theme !== 'light' && theme !== 'dark') return `--theme must be light or dark, not "${theme}"`;
  const kind = format ?? formatOf(output);
  const markdown = kind === 'md';
  const { lang = 'en' } = flags;
  if (lang !== 'en' && lang !== 'ko') return `--lang must be en or ko, not "${lang}"`;
  if (flags.lang !== undefined && kind !== undefined && kind !== 'svg' && !markdown)
    return '--lang is for an SVG or an Outline (the words they say to a reader)';
  if (markdown && (flow !== undefined || flags.step !== undefined || flags.animated))
    return 'an Outline (--format md) holds every flow; drop --flow, --step and --animated';
  const moving = isAnimation(format ?? formatOf(output));
  const clip = readClipFlags(flags, moving);
  if (typeof clip === 'string') return clip;
  if (moving && flags.scale !== undefined)
    return `--scale is for a still PNG; a GIF's or APNG's size is --width (default ${DEFAULT_GIF_WIDTH})`;
  const scale = flags.scale === undefined ? DEFAULT_SCALE : Number(flags.scale);
  if (!(scale > 0 && scale <= MAX_SCALE))
    return `--scale must be a number above 0 and at most ${MAX_SCALE}, not "${flags.scale}"`;
  const step = flags.step === undefined ? undefined : Number(flags.step);
  if (step !== undefined && !(Number.isInteger(step) && step >= 1))
    return `--step must be a step number (1 is the first), not "${flags.step}"`;
  const animated = flags.animated ?? false;
  if (animated && step !== undefined) return '--animated plays the whole flow; drop --step';
  if (flow !== undefined && step === undefined && !animated && !moving)
    return '--flow needs --step N (one step) or --animated (the whole flow)';
  const systemFonts = flags['system-fonts'] ?? false;
  const caption = flags.caption ?? true;
  if (!caption && step === undefined && !moving)
    return '--no-caption is for a step (--step N), a GIF or an APNG';
  const options: ExportOptions = {
    output,
    animated,
    scale,
    theme,
    systemFonts,
    caption,
    clip,
    lang,
  };
  if (flow !== undefined) options.flow = flow;
  if (step !== undefined) options.step = step;
  if (format !== undefined) options.format = format;
  return options;
}

const FORMATS: readonly ExportFormat[] = ['svg', 'png', 'gif', 'apng', 'md'];
const VIDEOS = ['mp4', 'webm', 'mov', 'mkv'];
const NO_VIDEO =
  "video needs a browser's encoder: the app's Export menu makes MP4 and WebM; here, a GIF (-o <name>.gif)";

function isAnimation(format: ExportFormat | undefined): format is 'gif' | 'apng' {
  return format === 'gif' || format === 'apng';
}

/** A GIF's and APNG's own flags: checked, defaulted, and refused for a still file. */
function readClipFlags(flags: ExportFlags, moving: boolean): ClipFlags | string {
  const given: string[] = [
    ...(['fps', 'width', 'height', 'speed'] as const).filter((key) => flags[key] !== undefined),
    ...(flags.camera === false ? ['no-camera'] : []),
    ...(flags.stills ? ['stills'] : []),
  ];
  if (!moving && given.length > 0)
    return `--${given[0]} is for a GIF or APNG (--format gif|apng, or -o <name>.gif)`;
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value);
  const fps = number(flags.fps, DEFAULT_FPS);
  if (!(fps > 0 && fps <= MAX_FPS))
    return `--fps must be a number above 0 and at most ${MAX_FPS}, not "${flags.fps}"`;
  const size = (key: 'width' | 'height', fallback: number) => {
    const value = number(flags[key], fallback);
    return Number.isInteger(value) && value >= MIN_GIF_SIZE && value <= MAX_GIF_SIZE
      ? value
      : `--${key} must be a whole number of pixels from ${MIN_GIF_SIZE} to ${MAX_GIF_SIZE}, not "${flags[key]}"`;
  };
  const width = size('width', DEFAULT_GIF_WIDTH);
  if (typeof width === 'string') return width;
  const height = flags.height === undefined ? undefined : size('height', 0);
  if (typeof height === 'string') return height;
  const speed = number(flags.speed, 1);
  if (!(speed > 0 && speed <= MAX_SPEED))
    return `--speed must be a number above 0 and at most ${MAX_SPEED} (2 plays twice as fast), not "${flags.speed}"`;
  const clip: ClipFlags = {
    width,
    fps,
    speed,
    camera: flags.camera ?? true,
    stills: flags.stills ?? false,
  };
  if (height !== undefined) clip.height = height;
  return clip;
}

type Print = (line: string) => void;

/** What one run shares: the layout engine, the fonts, the icon sets, the options and where to print. */
interface Exporter {
  engine: LayoutEngine;
  fonts: FontSubsetter;
  icons: IconCatalog;
  options: ExportOptions;
  out: Print;
  err: Print;
}

/** One file to write. A timeline with a `step` draws that step; without one, plays the flow. */
interface Job {
  path: string;
  format: Exclude<ExportFormat, 'md'>;
  timeline?: Timeline;
  /** 0-based. */
  step?: number;
}

/**
 * `flowdeck export`: one diagram file to `options.output` (an SVG or a PNG),
 * or every diagram in a folder into the folder `options.output`. Returns the
 * exit code.
 */
export async function exportDiagrams(
  input: string,
  options: ExportOptions,
  out: Print,
  err: Print,
): Promise<number> {
  const engine = createDefaultLayoutEngine(elkThreads());
  const exporter: Exporter = {
    engine,
    fonts: createFontSubsetter(),
    icons: createIconCatalog(),
    options,
    out,
    err,
  };
  const info = await stat(input);
  return info.isDirectory() ? exportFolder(input, exporter) : exportFile(input, exporter);
}

async function exportFile(file: string, exporter: Exporter): Promise<number> {
  const { options, err } = exporter;
  const named = formatOf(options.output);
  const format = options.format ?? named;
  if (!format) {
    const ext = extname(options.output).slice(1).toLowerCase();
    err(
      VIDEOS.includes(ext)
        ? `flowdeck: ${NO_VIDEO}`
        : `flowdeck: cannot tell the format of ${options.output}: name it .svg, .png, .gif, .apng or .md, or pass --format`,
    );
    return 2;
  }
  // An APNG is a PNG, and is often named so.
  if (named && named !== format && !(format === 'apng' && named === 'png')) {
    err(`flowdeck: --format ${format} does not match -o ${options.output}`);
    return 2;
  }
  if (options.animated && format === 'png') {
    err('flowdeck: --animated makes an SVG; a PNG holds one picture (use --step N)');
    return 2;
  }
  const diagram = await (format === 'md' ? readModel : load)(file, exporter);
  if (diagram === 'deck') {
    err(`flowdeck: ${file} is a lesson deck; export its diagrams, or the folder they are in`);
    return 1;
  }
  if (!diagram) return 1;
  if (format === 'md' || !('width' in diagram)) {
    await writeOutline(diagram, options.output, exporter);
    return 0;
  }
  const job: Job = { path: options.output, format };
  if (options.animated || options.step !== undefined || isAnimation(format)) {
    const flow = pickFlow(diagram, options.flow);
    if (typeof flow === 'string') {
      err(`flowdeck: ${flow}`);
      return 1;
    }
    job.timeline = buildTimeline(diagram, flow);
    if (options.step !== undefined) {
      const count = job.timeline.steps.length;
      if (options.step > count) {
        err(
          `flowdeck: no step ${options.step} in flow \`${flow.id}\`: it has ${count} (1–${count})`,
        );
        return 1;
      }
      job.step = options.step - 1;
    }
  }
  await write(diagram, job, exporter);
  return 0;
}

/**
 * Every diagram of the folder: `<id>.svg` and `<id>.png`, and `<id>.<flow>.svg`
 * playing each flow. Decks are skipped. A file that fails is reported and
 * the others still exported; then the exit code is 1.
 */
async function exportFolder(folder: string, exporter: Exporter): Promise<number> {
  const { options, err } = exporter;
  if (options.flow !== undefined || options.step !== undefined || options.animated) {
    err('flowdeck: --flow, --step and --animated are for one file; a folder exports every flow');
    return 2;
  }
  if (isAnimation(options.format)) {
    // Each takes seconds to draw, one flow at a time: ask for the ones wanted.
    err(
      `flowdeck: a ${options.format.toUpperCase()} plays one flow: export one file at a time (--flow ID picks the flow)`,
    );
    return 2;
  }
  const files = await collectDiagramFiles([folder]);
  await mkdir(options.output, { recursive: true });
  const seen = new Map<string, string>();
  let failed = 0;
  // An Outline needs no layout: the model says it all, and ELK is the slow part.
  const open = options.format === 'md' ? readModel : load;
  for (const file of files) {
    try {
      const diagram = await open(file, exporter);
      if (diagram === 'deck') continue;
      if (diagram && seen.has(diagram.id)) {
        // Both would write the same <id>.svg: the second would overwrite the first.
        err(`${file}: error: ${seen.get(diagram.id)} has the same id; not exported`);
      }
      if (!diagram || seen.has(diagram.id)) {
        failed++;
        continue;
      }
      seen.set(diagram.id, file);
      if (!('width' in diagram)) {
        await writeOutline(diagram, join(options.output, `${diagram.id}.md`), exporter);
        continue;
      }
      for (const job of folderJobs(diagram, options)) await write(diagram, job, exporter);
    } catch (error) {
      err(`${file}: error: ${(error as Error).message}`);
      failed++;
    }
  }
  if (seen.size === 0 && failed === 0) err(`flowdeck: no diagram in ${folder}`);
  if (failed > 0) err(`flowdeck: ${failed} file(s) not exported`);
  return failed > 0 || seen.size === 0 ? 1 : 0;
}

function folderJobs(diagram: LaidOutDiagram, options: ExportOptions): Job[] {
  const at = (name: string) => join(options.output, name);
  const jobs: Job[] = [];
  if (options.format !== 'png') jobs.push({ path: at(`${diagram.id}.svg`), format: 'svg' });
  if (options.format !== 'svg') jobs.push({ path: at(`${diagram.id}.png`), format: 'png' });
  if (options.format === 'png') return jobs;
  for (const flow of diagram.flows) {
    const path = at(`${diagram.id}.${flow.id}.svg`);
    jobs.push({ path, format: 'svg', timeline: buildTimeline(diagram, flow) });
  }
  return jobs;
}

/**
 * Reads, parses and lays out a diagram, printing what went wrong (the file
 * unread, its diagnostics, the layout's failure); null when it cannot be drawn.
 */
async function load(file: string, exporter: Exporter): Promise<LaidOutDiagram | 'deck' | null> {
  const model = await readModel(file, exporter);
  if (!model || model === 'deck') return model;
  try {
    const { aspect } = exporter.options;
    return await exporter.engine.layout(aspect ? { ...model, aspect } : model);
  } catch (error) {
    exporter.err(`${file}: error: could not be laid out: ${(error as Error)?.message ?? error}`);
    return null;
  }
}

/** Reads and parses a diagram, printing what went wrong; null when it has errors. */
async function readModel(file: string, exporter: Exporter): Promise<Model | 'deck' | null> {
  const read = await readDiagramText(file);
  if (!read.ok) {
    exporter.err(read.problem);
    return null;
  }
  const { text } = read;
  if (isDeckFile(file, text)) return 'deck';
  const { model, diagnostics } = parseDiagram(text, { file, limits: exporter.options.limits });
  for (const d of diagnostics) exporter.err(formatDiagnostic(d));
  if (!model || diagnostics.some((d) => d.severity === 'error')) return null;
  const names = await usedSetNames(exporter.icons, model.nodes);
  for (const d of checkIcons({ nodes: model.nodes, names, text, file }))
    exporter.err(formatDiagnostic(d));
  return model;
}

/** The flow named, else the first; or why there is none. */
function pickFlow(diagram: LaidOutDiagram, id: string | undefined): Flow | string {
  const ids = diagram.flows.map((f) => `\`${f.id}\``).join(', ');
  if (id === undefined)
    return diagram.flows[0] ?? `${diagram.id} has no flows (see docs/spec.md#flows)`;
  const flow = diagram.flows.find((f) => f.id === id);
  if (flow) return flow;
  return `no flow \`${id}\` in ${diagram.id}; ${ids ? `its flows: ${ids}` : 'it has none'}`;
}

async function write(diagram: LaidOutDiagram, job: Job, exporter: Exporter): Promise<void> {
  const { options, fonts } = exporter;
  const needs = textNeeds(diagram, job.timeline);
  const embed = () => (options.systemFonts ? [] : fonts.subsetFonts(needs, 'woff2'));
  const { timeline, step } = job;
  const icons = await loadIcons(exporter.icons, diagram.nodes);
  let data: string | Uint8Array;
  let more = '';
  if (isAnimation(job.format) && timeline) {
    const made = await animate(diagram, timeline, job.format, step, exporter, icons);
    data = made.data;
    more = `  ${made.width}×${made.height}, ${made.frames} frames, ${made.seconds.toFixed(1)} s`;
  } else if (timeline && step === undefined) {
    data = animatedSvg(diagram, timeline, {
      theme: options.theme,
      lang: options.lang,
      fonts: await embed(),
      interactive: true,
      icons,
    });
  } else {
    const scene = timeline && step !== undefined ? timeline.steps[step] : undefined;
    const picture: StaticSvgOptions =
      scene && timeline
        ? {
            theme: options.theme,
            scene,
            caption: options.caption,
            stepCount: timeline.steps.length,
            icons,
            lang: options.lang,
          }
        : { theme: options.theme, icons, lang: options.lang };
    if (job.format === 'svg') data = staticSvg(diagram, { ...picture, fonts: await embed() });
    else {
      // resvg ignores @font-face: it gets the same subset as TrueType instead.
      const ttf = await fonts.subsetFonts(needs, 'truetype');
      const systemFonts = drawsOutsidePretendard(needs);
      data = svgToPng(staticSvg(diagram, picture), {
        scale: options.scale,
        fonts: ttf,
        systemFonts,
      });
      if (diagram.shape) data = withPngText(data, SHAPE_KEYWORD, diagram.shape);
    }
  }
  await save(job.path, data, more, exporter);
}

/** The Outline as Markdown, in `--lang`'s words. */
function writeOutline(diagram: OutlineSource, path: string, exporter: Exporter): Promise<void> {
  return save(path, diagramMarkdown(diagram, WORDS[exporter.options.lang]), '', exporter);
}

async function save(path: string, data: string | Uint8Array, more: string, exporter: Exporter) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  exporter.out(`${path}  ${formatSize(bytes)}${more}`);
}

/** A GIF or APNG of the flow, or of its step `step` (0-based). */
async function animate(
  diagram: LaidOutDiagram,
  timeline: Timeline,
  format: 'gif' | 'apng',
  step: number | undefined,
  { options, fonts }: Exporter,
  icons: IconMap,
) {
  const needs = textNeeds(diagram, timeline);
  const raster = createRasterizer(await fonts.subsetFonts(needs, 'truetype'), {
    systemFonts: drawsOutsidePretendard(needs),
  });
  try {
    const { caption, theme } = options;
    const clip: AnimationOptions = { ...options.clip, format, captions: caption, theme, icons };
    if (step !== undefined) clip.step = step;
    return await flowAnimation(diagram, timeline, clip, raster);
  } finally {
    raster.close();
  }
}

function formatOf(path: string): ExportFormat | undefined {
  const ext = extname(path).toLowerCase();
  return FORMATS.find((format) => ext === `.${format}`);
}

function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}
