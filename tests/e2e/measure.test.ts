import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_WEIGHTS, TEXT_STYLES } from '../../src/core/measure/fonts.ts';
import { measureText } from '../../src/core/measure/measureText.ts';
import type { MeasureTextOptions } from '../../src/core/measure/types.ts';
import { launchChromium } from './chromium.ts';

/**
 * Does Chromium draw text exactly as wide as measureText says? The page loads
 * src/app/fonts.css and public/fonts/ the way the app does (root-absolute
 * URLs, answered from disk by page.route, no network), then measures each
 * label three ways: an HTML span, an SVG <text> (what the app draws) and
 * canvas measureText with kerning and ligatures off.
 *
 * Tolerance: both sides add the same hmtx advances, so they differ only by
 * rounding: ours rounds up to 1/100 px, a span's width snaps to Blink's
 * LayoutUnit (1/64 px), HarfBuzz positions in 1/65536 px. So -0.02..+0.02 px;
 * one font unit at 13 px is 0.006 px, a wrong glyph is off by far more.
 */
const TOLERANCE_PX = 0.02;
const ORIGIN = 'http://flowdeck.test';

/** Every quoted label in the seed's flowcharts, one entry per `<br/>` line. */
function diagramLabels(): string[] {
  const labels = new Set<string>();
  const seed = '../shared/seed/mermaid';
  for (const file of readdirSync(seed).filter((f) => f.endsWith('.mmd'))) {
    for (const [, quoted = ''] of readFileSync(`${seed}/${file}`, 'utf8').matchAll(
      /"([^"\n]*)"/g,
    )) {
      for (const line of quoted.split(/<br\s*\/?>/i)) if (line !== '') labels.add(line);
    }
  }
  return [...labels];
}

const EXTRA_LABELS = [
  'AV To WA Ty', // kerning pairs: must not be kerned
  '-> => <- ffi fl', // Pretendard's arrow ligature and f-ligatures: must stay off
  '0123456789 1:2 3x4 A-B',
  '가나다라마바사 아자차카타파하',
  '각 리소스별 독립 계층 구조',
  'kubectl apply -f deployment.yaml',
  'Pod 1개 장애 발생! (v1.0 → v2)',
  '“quotes” ‘single’ … — – · •',
  '  leading and trailing  ',
  'ÀÉÎÕÜ çñ ß Ελληνικά Кириллица',
];

/**
 * Drawn by a fallback font we do not ship: only "never narrower than drawn"
 * holds. Single emoji only: without a colour emoji font (as on a bare Debian)
 * flags, skin tones and ZWJ sequences are drawn as one glyph per code point.
 */
const FALLBACK_LABELS = ['😀', '👍 좋아요', '漢字 한자', '✅ 완료'];

interface Case {
  text: string;
  style: keyof typeof TEXT_STYLES;
}

interface BrowserWidths {
  span: number;
  svg: number;
  canvas: number;
}

const page = (html: string) => `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<link rel="stylesheet" href="/fonts.css"></head><body>${html}</body></html>`;

async function openFontPage(browser: Browser): Promise<Page> {
  const tab = await browser.newPage();
  await tab.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: page(
          '<span id="span"></span><svg width="2000" height="50"><text id="svg" x="0" y="30"></text></svg>',
        ),
      });
    }
    if (pathname === '/fonts.css') {
      return route.fulfill({ contentType: 'text/css', body: readFileSync('src/app/fonts.css') });
    }
    if (/^\/fonts\/[\w-]+\.woff2$/.test(pathname)) {
      return route.fulfill({ contentType: 'font/woff2', body: readFileSync(`public${pathname}`) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await tab.goto(`${ORIGIN}/`);
  return tab;
}

async function measureInBrowser(tab: Page, cases: Case[]): Promise<BrowserWidths[]> {
  const specs = cases.map(({ text, style }) => ({
    text,
    size: TEXT_STYLES[style].fontSize,
    weight: FONT_WEIGHTS[TEXT_STYLES[style].fontWeight],
  }));
  return tab.evaluate(async (items) => {
    await Promise.all([
      document.fonts.load('400 16px Pretendard'),
      document.fonts.load('600 16px Pretendard'),
    ]);
    await document.fonts.ready;
    const span = document.getElementById('span') as HTMLSpanElement;
    const svg = document.getElementById('svg') as unknown as SVGTextElement;
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    span.style.whiteSpace = 'pre';
    return items.map(({ text, size, weight }) => {
      for (const el of [span.style, svg.style]) {
        el.fontSize = `${size}px`;
        el.fontWeight = String(weight);
      }
      span.textContent = text;
      svg.textContent = text;
      ctx.font = `${weight} ${size}px Pretendard`;
      ctx.fontKerning = 'none';
      // Canvas has no font-variant-ligatures; in Chromium optimizeSpeed turns them off.
      ctx.textRendering = 'optimizeSpeed';
      return {
        span: span.getBoundingClientRect().width,
        svg: svg.getComputedTextLength(),
        canvas: ctx.measureText(text).width,
      };
    });
  }, specs);
}

const ours = ({ text, style }: Case) =>
  measureText(text, TEXT_STYLES[style] as MeasureTextOptions).width;

let browser: Browser;
let tab: Page;

beforeAll(async () => {
  browser = await launchChromium();
  tab = await openFontPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('measureText agrees with Chromium', () => {
  it('loads both self-hosted Pretendard faces from fonts.css', async () => {
    const faces = await tab.evaluate(async () => {
      await Promise.all([
        document.fonts.load('400 16px Pretendard'),
        document.fonts.load('600 16px Pretendard'),
      ]);
      return [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`);
    });
    expect(faces.sort()).toEqual(['Pretendard 400 loaded', 'Pretendard 600 loaded']);
  });

  it(`measures every diagram label and a mixed set within ${TOLERANCE_PX}px, in all three label styles`, async () => {
    const texts = [...diagramLabels(), ...EXTRA_LABELS];
    expect(texts.length).toBeGreaterThan(80);
    const cases = texts.flatMap((text) =>
      (['nodeLabel', 'groupTitle', 'edgeLabel'] as const).map((style) => ({ text, style })),
    );
    const widths = await measureInBrowser(tab, cases);
    const worst = { span: 0, svg: 0, canvas: 0 };
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const mine = ours(c);
      for (const method of ['span', 'svg', 'canvas'] as const) {
        const theirs = widths[i]?.[method] ?? Number.NaN;
        const diff = mine - theirs;
        worst[method] = Math.max(worst[method], Math.abs(diff));
        if (!(Math.abs(diff) <= TOLERANCE_PX)) {
          failures.push(`${c.style} ${JSON.stringify(c.text)}: ours ${mine}, ${method} ${theirs}`);
        }
      }
    });
    console.log(
      `measure e2e: ${cases.length} label/style pairs (${texts.length} labels); ` +
        `max |ours - Chromium| px: span ${worst.span.toFixed(4)}, svg ${worst.svg.toFixed(4)}, ` +
        `canvas ${worst.canvas.toFixed(4)}`,
    );
    expect(failures).toEqual([]);
  });

  it('never measures fallback-font text (emoji, Hanja) narrower than Chromium draws it', async () => {
    const cases = FALLBACK_LABELS.map((text) => ({ text, style: 'nodeLabel' as const }));
    const widths = await measureInBrowser(tab, cases);
    const narrower = cases.flatMap((c, i) => {
      const drawn = widths[i]?.span ?? Number.NaN;
      console.log(
        `measure e2e fallback: ${JSON.stringify(c.text)} ours ${ours(c)}, Chromium ${drawn.toFixed(3)}`,
      );
      return ours(c) >= drawn - TOLERANCE_PX ? [] : [`${c.text}: ours ${ours(c)} < drawn ${drawn}`];
    });
    expect(narrower).toEqual([]);
  });
});
