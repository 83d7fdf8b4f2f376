/**
 * Text chunks (`tEXt`) in a PNG: how a PNG says what an SVG says in an
 * attribute, such as the screen shape its layout was made for. Any image
 * viewer that shows metadata lists them; the picture is unchanged.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG keyword for the screen shape a picture was laid out for. */
export const SHAPE_KEYWORD = 'Screen shape';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC of a PNG chunk (its type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function latin1(text: string): number[] {
  return [...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
    return code;
  });
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 33 && SIGNATURE.every((byte, i) => png[i] === byte);
}

/**
 * The PNG with a `tEXt` chunk of `keyword` and `text` (Latin-1) right after
 * its header. Bytes that are no PNG come back as they are.
 *
 * @example withPngText(png, SHAPE_KEYWORD, '4:3')
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png)) return png;
  const data = [...latin1(keyword), 0, ...latin1(text)];
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1('tEXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  // The signature (8 bytes) and the IHDR chunk (25) come first.
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, 33));
  out.set(chunk, 33);
  out.set(png.subarray(33), 33 + chunk.length);
  return out;
}

/**
 * Every `tEXt` chunk of a PNG, keyword → text.
 *
 * @example readPngText(withPngText(png, 'Screen shape', '4:3'))['Screen shape'] // '4:3'
 */
export function readPngText(png: Uint8Array): Record<string, string> {
  const found: Record<string, string> = {};
  if (!isPng(png)) return found;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      if (nul > 0) {
        found[String.fromCharCode(...data.subarray(0, nul))] = String.fromCharCode(
          ...data.subarray(nul + 1),
        );
      }
    }
    at += 12 + length;
  }
  return found;
}
