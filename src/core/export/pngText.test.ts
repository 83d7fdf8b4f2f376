import { describe, expect, it } from 'vitest';
import { readPngText, SHAPE_KEYWORD, withPngText } from './pngText.ts';

/** A 2×1 red PNG, as resvg writes it. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAD0lEQVR4nGP8z8AARAwMAA0FAgBbfbyeAAAAAElFTkSuQmCC',
  ),
  (ch) => ch.charCodeAt(0),
);

/** Each chunk's type, in order. */
function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) {
    types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)));
  }
  return types;
}

describe('withPngText', () => {
  it('adds a text chunk after the header, keeping every other chunk', () => {
    const marked = withPngText(PNG, SHAPE_KEYWORD, '4:3');
    expect(chunkTypes(PNG)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunkTypes(marked)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(readPngText(marked)).toEqual({ 'Screen shape': '4:3' });
    expect(readPngText(PNG)).toEqual({});
    // The chunk's CRC, as zlib computes it for `tEXtScreen shape\0` + `4:3`.
    expect([...marked.subarray(33 + 8 + 16, 33 + 8 + 16 + 4)]).toEqual([0x3a, 0xb0, 0xcd, 0x79]);
  });

  it('leaves bytes that are no PNG alone', () => {
    const text = new TextEncoder().encode('<svg/>');
    expect(withPngText(text, SHAPE_KEYWORD, '4:3')).toBe(text);
  });
});
