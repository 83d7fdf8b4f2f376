/**
 * Authors' colours, made safe and blended like the app's
 * `color-mix(in oklab, user share%, theme)`.
 */

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(rgba?|hsla?)\(\s*[-+0-9.%\s,/]+\)$/i;
const NAMED = /^[a-z]{3,30}$/i;

/**
 * The colour if it is plain colour syntax (hex, rgb(), hsl() or a name),
 * else undefined: a style value never becomes `url(…)`, an external
 * reference or markup in an exported file.
 */
export function safeColor(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  return HEX.test(v) || FUNC.test(v) || NAMED.test(v) ? v : undefined;
}

/** A dash pattern made only of numbers, or undefined. */
export function safeDash(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && /^[0-9.\s,]+$/.test(v) ? v.replace(/,/g, ' ').replace(/\s+/g, ' ') : undefined;
}

/**
 * `user` mixed into `base` with `share` (0–1) of `user`, in Oklab as CSS
 * `color-mix()` does. A share of 1 gives `user` unchanged (so any CSS colour
 * works in light); a colour we cannot read blends as if it were `base`.
 */
export function mixColor(user: string | undefined, base: string, share: number): string {
  if (!user || share >= 1) return user ?? base;
  const a = parseColor(user);
  const b = parseColor(base);
  if (!a || !b || share <= 0) return base;
  const la = toOklab(a);
  const lb = toOklab(b);
  const mixed = la.map((v, i) => v * share + (lb[i] as number) * (1 - share)) as Vec3;
  const alpha = a[3] * share + b[3] * (1 - share);
  return formatRgb(fromOklab(mixed), alpha);
}

type Vec3 = [number, number, number];
type Rgba = [number, number, number, number];

/** sRGB channels 0–1 and alpha 0–1, from hex or rgb(); undefined otherwise. */
export function parseColor(value: string): Rgba | undefined {
  const v = value.trim();
  const hex = HEX.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const channel = (i: number) => Number.parseInt(full.slice(i * 2, i * 2 + 2), 16) / 255;
    return [channel(0), channel(1), channel(2), full.length === 8 ? channel(3) : 1];
  }
  const rgb = /^rgba?\((.*)\)$/i.exec(v)?.[1];
  if (!rgb) return undefined;
  const parts = rgb.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const num = (s: string, max: number) =>
    s.endsWith('%') ? Number.parseFloat(s) / 100 : Number.parseFloat(s) / max;
  const [r, g, b, a] = parts;
  const out: Rgba = [
    num(r as string, 255),
    num(g as string, 255),
    num(b as string, 255),
    a ? num(a, 1) : 1,
  ];
  return out.every(Number.isFinite) ? out : undefined;
}

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function gamma(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

function toOklab([r, g, b]: Rgba): Vec3 {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function fromOklab([L, a, b]: Vec3): Vec3 {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    gamma(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    gamma(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    gamma(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

function formatRgb(rgb: Vec3, alpha: number): string {
  const hex = rgb
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return alpha >= 0.999
    ? `#${hex}`
    : `#${hex}${Math.round(alpha * 255)
        .toString(16)
        .padStart(2, '0')}`;
}
