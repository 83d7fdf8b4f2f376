import { ENTITY_CLOSE, ENTITY_NUMERIC_OPEN, ENTITY_OPEN } from './preprocess.ts';

/**
 * The named character references people actually write in diagram labels.
 * The full HTML list has two thousand names; an unknown one is kept as text
 * and reported, as a browser would show it.
 */
const NAMED: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  micro: 'µ',
  para: '¶',
  sect: '§',
  cent: '¢',
  pound: '£',
  euro: '€',
  yen: '¥',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  lArr: '⇐',
  rArr: '⇒',
  hArr: '⇔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  sum: '∑',
  minus: '−',
  radic: '√',
  check: '✓',
  cross: '✗',
  star: '☆',
  hearts: '♥',
  spades: '♠',
  clubs: '♣',
  diams: '♦',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Omega: 'Ω',
  num: '#',
  semi: ';',
  colon: ':',
  comma: ',',
  period: '.',
  excl: '!',
  quest: '?',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  vert: '|',
  bsol: '\\',
  sol: '/',
  ast: '*',
  equals: '=',
  plus: '+',
  percnt: '%',
  dollar: '$',
  commat: '@',
  grave: '`',
  Hat: '^',
  tilde: '˜',
  lowbar: '_',
};

const CODE = new RegExp(`(${ENTITY_NUMERIC_OPEN}|${ENTITY_OPEN})(\\w+)${ENTITY_CLOSE}`, 'g');

/** Puts back the `#name;` codes the preprocessor hid (for links and tooltips). */
export function restoreEntityCodes(text: string): string {
  return text.replace(CODE, (_, _open: string, inner: string) => `#${inner};`);
}

/**
 * Turns hidden `#name;` / `#35;` codes and HTML references (`&amp;`,
 * `&#35;`, `&#x23;`) into the characters they stand for.
 *
 * @example decodeEntities('#quot;hi#quot; &amp; #9829;', () => {}) // '"hi" & ♥'
 */
export function decodeEntities(text: string, onUnknown: (reference: string) => void): string {
  const asHtml = text.replace(CODE, (_, open: string, inner: string) =>
    open === ENTITY_NUMERIC_OPEN ? `&#${inner};` : `&${inner};`,
  );
  return asHtml.replace(
    /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X'
            ? Number.parseInt(ref.slice(2), 16)
            : Number(ref.slice(1));
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return valid ? String.fromCodePoint(code) : '\uFFFD';
      }
      const char = NAMED[ref];
      if (char === undefined) {
        onUnknown(whole);
        return whole;
      }
      return char;
    },
  );
}
