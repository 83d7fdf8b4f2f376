import { describe, expect, it } from 'vitest';
import { firstInvalidByte } from './readText.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('firstInvalidByte', () => {
  it('accepts UTF-8 text of every length, Korean and emoji included', () => {
    expect(firstInvalidByte(new TextEncoder().encode('a → 배포 🚀 é'))).toBe(-1);
    expect(firstInvalidByte(bytes())).toBe(-1);
  });

  it('finds the first byte no UTF-8 decoder would accept, as the fatal decoder does', () => {
    const cases: [Uint8Array, number][] = [
      [bytes(0x61, 0xe9, 0x62), 1], // Latin-1 é
      [bytes(0x89, 0x50, 0x4e, 0x47), 0], // a PNG's signature
      [bytes(0x61, 0xc0, 0xaf), 1], // an overlong '/'
      [bytes(0xed, 0xa0, 0x80), 0], // a UTF-16 surrogate
      [bytes(0xf4, 0x90, 0x80, 0x80), 0], // past U+10FFFF
      [bytes(0x61, 0x62, 0xe2, 0x86), 2], // cut short at the end
      [bytes(0x80), 0], // a lone continuation byte
    ];
    for (const [input, offset] of cases) {
      expect(firstInvalidByte(input)).toBe(offset);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
    }
  });
});
