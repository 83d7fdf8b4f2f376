import { JSDOM } from 'jsdom';

/**
 * Script-injection payloads, for the unit tests (tests/injection.test.ts) and
 * the browser's (tests/e2e/injection.test.ts). Each one, if it ever ran, would
 * set `window.__pwned` or open a dialog, and both are watched for. The list
 * is the classic Mermaid label-injection set: HTML with handlers, script and
 * iframe tags, `javascript:` and friends in every spelling, SVG and
 * foreignObject, entity-encoded and mixed-case variants, markdown links, and
 * breakouts from attributes, `<style>`, CDATA and comments. `unsafeParts()`
 * says what in an exported SVG file would run or load.
 */
export interface Payload {
  name: string;
  text: string;
}

/** The sink a payload calls; the page is pwned if this ever runs. */
const SINK = 'window.__pwned=1';

export const PAYLOADS: readonly Payload[] = [
  { name: 'img onerror', text: `<img src=x onerror=${SINK}>` },
  { name: 'IMG OnErRoR', text: `<IMG SRC=x OnErRoR=${SINK}>` },
  { name: 'script', text: `<script>${SINK}</script>` },
  { name: 'ScRiPt alert', text: '<ScRiPt>alert(1)</ScRiPt>' },
  { name: 'svg onload', text: `<svg onload=${SINK}>` },
  {
    name: 'foreignObject iframe',
    text: `<svg><foreignObject><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe></foreignObject></svg>`,
  },
  { name: 'iframe javascript', text: `<iframe src=javascript:${SINK}></iframe>` },
  { name: 'a href javascript', text: `<a href="javascript:${SINK}">click me</a>` },
  { name: 'details ontoggle', text: `<details open ontoggle=${SINK}>` },
  { name: '&lt; entities', text: `&lt;img src=x onerror=${SINK}&gt;` },
  { name: '#lt; Mermaid entities', text: `#lt;script#gt;${SINK}#lt;/script#gt;` },
  { name: '&#x3C; hex entities', text: `&#x3C;img src=x onerror=${SINK}&#x3E;` },
  { name: 'javascript:', text: `javascript:${SINK}` },
  { name: 'JaVaScRiPt:', text: `JaVaScRiPt:${SINK}` },
  { name: '&#106;avascript:', text: `&#106;avascript:${SINK}` },
  { name: 'java<tab>script:', text: `java\tscript:${SINK}` },
  { name: 'leading blanks', text: `  javascript:${SINK}` },
  { name: '%6A avascript:', text: `%6Aavascript:${SINK}` },
  { name: 'data:text/html', text: 'data:text/html,<script>parent.__pwned=1</script>' },
  { name: 'vbscript:', text: 'vbscript:msgbox(1)' },
  { name: 'markdown link', text: `[click](javascript:${SINK})` },
  { name: 'markdown link upper', text: `[click](JAVASCRIPT:${SINK})` },
  {
    name: 'markdown link data',
    text: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  },
  { name: '</style> breakout', text: `</style><script>${SINK}</script><style>` },
  { name: 'css url(javascript:)', text: `red;background:url(javascript:${SINK})` },
  { name: 'css expression()', text: `expression(${SINK})` },
  { name: '"> attribute breakout', text: `"><script>${SINK}</script>` },
  { name: "'> attribute breakout", text: `'><img src=x onerror=${SINK}>` },
  { name: ']]> CDATA breakout', text: `]]><script>${SINK}</script><![CDATA[` },
  { name: '--> comment breakout', text: `--><script>${SINK}</script><!--` },
];

/**
 * Style values: what `classDef`, `style` and a spec's `classes`/`style` might
 * be given to reach a `style` attribute or CSS.
 */
export const STYLE_PAYLOADS: readonly Payload[] = [
  { name: 'url(javascript:)', text: `url(javascript:${SINK})` },
  { name: 'url(external)', text: 'url(https://example.com/x.svg#p)' },
  { name: 'expression()', text: `expression(${SINK})` },
  { name: 'declaration breakout', text: `red;background:url(javascript:${SINK})` },
  { name: 'rule breakout', text: `red}*{background:url(javascript:${SINK})` },
  { name: '</style>', text: `red</style><script>${SINK}</script>` },
];

export const { DOMParser } = new JSDOM().window;

const SAFE_HREF = /^(#[A-Za-z][\w-]*|https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** What a user or a browser would find in an exported file that runs or loads something. */
export function unsafeParts(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) return [`not well-formed: ${error.textContent}`];
  const problems: string[] = [];
  const banned = ['script', 'foreignobject', 'iframe', 'img', 'image', 'object', 'embed'];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const name = el.localName.toLowerCase();
    if (banned.includes(name)) problems.push(`<${name}>`);
    // An icon is a <use> of a <symbol> in the same file, and nothing else is.
    if (name === 'use' && !/^#[\w-]+$/.test(el.getAttribute('href') ?? ''))
      problems.push(`<use href=${el.getAttribute('href')}>`);
    if (el.namespaceURI !== 'http://www.w3.org/2000/svg') problems.push(`<${name}> not SVG`);
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value;
      if (/^on/i.test(attr.localName)) problems.push(`${name}[${attr.name}]`);
      if (/href$/i.test(attr.localName) && !SAFE_HREF.test(value))
        problems.push(`${name}[${attr.name}=${value}]`);
      // data-* attributes carry ids (which may be anything), and aria-label a
      // label as text for screen readers: never anything a browser acts on.
      if (attr.localName.startsWith('data-') || attr.localName === 'aria-label') continue;
      if (/(java|vb)script:|data:text|expression\(/i.test(value.replace(/\s/g, '')))
        problems.push(`${name}[${attr.name}] script`);
      if (/url\((?!#)/i.test(value)) problems.push(`${name}[${attr.name}] url(${value})`);
    }
  }
  const css = Array.from(doc.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('');
  for (const m of css.matchAll(/url\(([^)]*)\)/gi))
    if (!/^(#|data:font\/woff2;base64,)/.test(m[1] ?? '')) problems.push(`css url(${m[1]})`);
  if (/@import|expression\(|(java|vb)script:|<|>/i.test(css)) problems.push(`css: ${css}`);
  return problems;
}
