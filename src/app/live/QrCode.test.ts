import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrRuns } from './QrCode.tsx';

describe('qrRuns', () => {
  it('turns each row’s dark modules into runs', () => {
    expect(
      qrRuns([
        [true, true, false, true],
        [false, false, false, false],
        [false, true, true, true],
      ]),
    ).toEqual([
      [0, 0, 2],
      [3, 0, 1],
      [1, 2, 3],
    ]);
  });

  it('covers exactly the dark modules of a real code', () => {
    const qr = encode('http://192.168.1.20:4173/#/join/K7M2Q', { ecc: 'M', border: 2 });
    const dark = new Set<string>();
    for (const [x, y, width] of qrRuns(qr.data))
      for (let i = 0; i < width; i++) dark.add(`${x + i},${y}`);
    qr.data.forEach((row, y) => {
      row.forEach((on, x) => {
        expect(dark.has(`${x},${y}`)).toBe(on);
      });
    });
    // The quiet zone is light.
    expect(qr.data[0]?.some(Boolean)).toBe(false);
  });
});
