/**
 * `npm run bench:export`: how big an exported SVG is next to Mermaid's SVG of
 * the same flowchart, for the seed's eleven flowcharts. Mermaid draws the
 * seed file in headless Chromium (its browser build, default config, dagre
 * layout, and ELK too when `@mermaid-js/layout-elk` is installed); Flowdeck
 * exports the diagram in diagrams/ that holds that chart, with the font
 * subset embedded and with system fonts only. Sizes are UTF-8 bytes; the
 * figures go to bench/results.json as `exportSize`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createFontSubsetter } from '../src/cli/fonts.ts';
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { textNeeds } from '../src/core/export/textNeeds.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { diagramId } from '../src/core/parse/files.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { seedCharts, seedHomes } from '../tests/oracle/diagramCharts.ts';
import { ROOT } from './bundle.ts';
import { writeResults } from './results.ts';

const MERMAID = join(ROOT, 'node_modules/mermaid');
const ELK = join(ROOT, 'node_modules/@mermaid-js/layout-elk');
// A made-up origin answered by page.route from node_modules: nothing leaves the machine.
const ORIGIN = 'http://mermaid.bench';

interface Row {
  seed: string;
  diagram: string;
  mermaidDagre: number;
  mermaidElk: number | null;
  oursEmbedded: number;
  oursSystem: number;
  /** ours ÷ Mermaid (dagre). */
  ratioEmbedded: number;
  ratioSystem: number;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const version = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/** A page with Mermaid loaded (and the ELK layouts registered when `elk`), serving from node_modules. */
async function mermaidPage(page: Page, elk: boolean): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html>' });
    const [, base, rest] = /^\/(mermaid|elk)\/(.+)$/.exec(path) ?? [];
    if (!base || !rest || rest.includes('..')) return route.fulfill({ status: 404 });
    const file = join(base === 'elk' ? ELK : MERMAID, 'dist', rest);
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ url: `${ORIGIN}/mermaid/mermaid.min.js` });
  if (elk) {
    await page.evaluate(async (url) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      const layouts = (await import(url)) as { default: unknown };
      mermaid.registerLayoutLoaders(layouts.default);
    }, `${ORIGIN}/elk/mermaid-layout-elk.esm.min.mjs`);
  }
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
  registerLayoutLoaders(loaders: unknown): void;
}

/** Mermaid's SVG of each chart, as `mermaid.render` returns it (the id mmdc gives, `my-svg`). */
function renderAll(page: Page, texts: string[], layout: 'dagre' | 'elk'): Promise<string[]> {
  return page.evaluate(
    async ({ texts, layout }) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize({ startOnLoad: false, layout });
      const out: string[] = [];
      for (const text of texts) out.push((await mermaid.render('my-svg', text)).svg);
      return out;
    },
    { texts, layout },
  );
}

async function mermaidSizes(texts: string[], elk: boolean) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await mermaidPage(page, elk);
    const dagre = (await renderAll(page, texts, 'dagre')).map(bytes);
    const withElk = elk ? (await renderAll(page, texts, 'elk')).map(bytes) : null;
    return { dagre, elk: withElk };
  } finally {
    await browser.close();
  }
}

async function oursSizes(files: string[]) {
  const engine = createDefaultLayoutEngine();
  const subsetter = createFontSubsetter();
  const out: { embedded: number; system: number }[] = [];
  for (const file of files) {
    const { model } = parseDiagram(readFileSync(join(ROOT, file), 'utf8'), { file });
    if (!model) throw new Error(`${file} did not parse`);
    const diagram = await engine.layout(model);
    const fonts = await subsetter.subsetFonts(textNeeds(diagram), 'woff2');
    out.push({ embedded: bytes(staticSvg(diagram, { fonts })), system: bytes(staticSvg(diagram)) });
  }
  return out;
}

const homes = seedHomes();
const lost = homes.filter((h) => !h.home).map((h) => h.seed);
if (lost.length) throw new Error(`no diagram in diagrams/ holds ${lost.join(', ')}`);
const seeds = new Map(seedCharts().map((c) => [c.file, c.text]));
const elk = existsSync(join(ELK, 'package.json'));

const mermaid = await mermaidSizes(
  homes.map((h) => seeds.get(h.seed) ?? ''),
  elk,
);
const ours = await oursSizes(homes.map((h) => h.home?.file ?? ''));
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const rows: Row[] = homes.map((h, i) => {
  const dagre = mermaid.dagre[i] ?? 0;
  const { embedded, system } = ours[i] ?? { embedded: 0, system: 0 };
  return {
    seed: h.seed,
    diagram: diagramId(h.home?.file ?? ''),
    mermaidDagre: dagre,
    mermaidElk: mermaid.elk?.[i] ?? null,
    oursEmbedded: embedded,
    oursSystem: system,
    ratioEmbedded: ratio(embedded, dagre),
    ratioSystem: ratio(system, dagre),
  };
});

const kb = (n: number | null) => (n === null ? 'n/a' : (n / 1000).toFixed(1));
const header = ['seed', 'diagram', 'Mermaid dagre', 'Mermaid ELK', 'ours, font', 'ours, system'];
const lines = [
  `| ${[...header, 'font ÷ Mermaid', 'system ÷ Mermaid'].join(' | ')} |`,
  `|${' --- |'.repeat(header.length + 2)}`,
  ...rows.map(
    (r) =>
      `| ${[r.seed, r.diagram, kb(r.mermaidDagre), kb(r.mermaidElk), kb(r.oursEmbedded), kb(r.oursSystem), r.ratioEmbedded, r.ratioSystem].join(' | ')} |`,
  ),
];
console.log(`\nSVG size in kB (1000 bytes, UTF-8), Mermaid ${version(MERMAID)}\n`);
console.log(lines.join('\n'));
if (!elk) console.log('\nMermaid ELK: n/a, @mermaid-js/layout-elk is not installed.');
console.log(
  `\nwrote ${writeResults({
    exportSize: {
      date: new Date().toISOString(),
      mermaid: version(MERMAID),
      mermaidElk: elk ? version(ELK) : null,
      unit: 'bytes (UTF-8)',
      cases: rows,
    },
  })}`,
);
