import { buildTimeline, type StepScene, type Timeline } from '../../core/animate/timeline.ts';
import { animatedSvg } from '../../core/export/animatedSvg.ts';
import { SHAPE_KEYWORD, withPngText } from '../../core/export/pngText.ts';
import { staticSvg } from '../../core/export/staticSvg.ts';
import { textNeeds } from '../../core/export/textNeeds.ts';
import type { ExportTheme } from '../../core/export/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { ScreenShape } from '../../core/model/screenShape.ts';
import { diagramIcons } from '../icons/iconStore.ts';
import { subsetFonts } from './fonts.ts';

/**
 * What the export menu can make. Loaded on first use (with the font
 * subsetter), so none of it weighs on the first screen.
 */
export type ExportKind =
  | { kind: 'view' }
  | { kind: 'step'; timeline: Timeline; scene: StepScene }
  | { kind: 'flow'; flowId: string };

export interface ExportedFile {
  name: string;
  svg: string;
}

/**
 * The SVG for one menu item, with the glyphs and icons it draws embedded,
 * in a theme and (for screen readers) a language.
 */
export async function makeSvg(
  diagram: LaidOutDiagram,
  what: ExportKind,
  { theme, lang }: { theme: ExportTheme; lang: string },
): Promise<ExportedFile> {
  const icons = await diagramIcons(diagram);
  if (what.kind === 'flow') {
    const flow = diagram.flows.find((f) => f.id === what.flowId);
    if (!flow) throw new Error(`no flow ${what.flowId}`);
    const timeline = buildTimeline(diagram, flow);
    const fonts = await subsetFonts(textNeeds(diagram, timeline));
    return {
      name: `${diagram.id}.${flow.id}.svg`,
      svg: animatedSvg(diagram, timeline, { theme, lang, fonts, icons, interactive: true }),
    };
  }
  if (what.kind === 'step') {
    const fonts = await subsetFonts(textNeeds(diagram, what.timeline));
    return {
      name: `${diagram.id}.${what.timeline.flowId}.${what.scene.index + 1}.svg`,
      svg: staticSvg(diagram, {
        theme,
        lang,
        fonts,
        icons,
        scene: what.scene,
        caption: true,
        stepCount: what.timeline.steps.length,
      }),
    };
  }
  const fonts = await subsetFonts(textNeeds(diagram));
  return { name: `${diagram.id}.svg`, svg: staticSvg(diagram, { theme, lang, fonts, icons }) };
}

/**
 * A PNG of an SVG at `scale`, through an image and a canvas. The embedded
 * fonts travel inside the SVG, so the picture has the app's text. A `shape`
 * (the one the layout was made for) goes into a text chunk, as the SVG's
 * `data-shape`.
 */
export async function svgToPng(
  svg: string,
  scale: number,
  shape: ScreenShape | undefined,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))),
        'image/png',
      ),
    );
    if (!shape) return png;
    const bytes = withPngText(new Uint8Array(await png.arrayBuffer()), SHAPE_KEYWORD, shape);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { diagramMarkdown } from '../../core/outline/markdown.ts';
export { download } from '../download.ts';
