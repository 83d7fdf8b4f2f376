import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_STYLES } from './fonts.ts';
import { measureText } from './measureText.ts';

const regular16 = { fontSize: 16 } as const;
const widthOf = (text: string, options: Parameters<typeof measureText>[1] = regular16) =>
  measureText(text, options).width;
const lineTexts = (text: string, maxWidth: number) =>
  measureText(text, { ...regular16, maxWidth }).lines.map((line) => line.text);

describe('measureText widths', () => {
  it('matches the widths Chromium draws (tests/e2e/measure.test.ts checks many more)', () => {
    // Chromium, 16px Pretendard, font-kerning: none: 13.828125, 41.484375,
    // 137.890625, 20.65625 (no AV kerning), 16.953125 (no -> arrow ligature).
    expect(widthOf('가')).toBe(13.83);
    expect(widthOf('가나다')).toBe(41.49);
    expect(widthOf('Kubernetes Cluster')).toBe(137.9);
    expect(widthOf('AV')).toBe(20.66);
    expect(widthOf('->')).toBe(16.96);
  });

  it('adds up: a string is as wide as its parts, within the 1/100 px rounding', () => {
    const parts = ['API', ' ', 'Server', '가', '', '2013', '(Borg의 후속)', '😀', '漢'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), (chosen) => {
        const sum = chosen.reduce((total, part) => total + widthOf(part), 0);
        const whole = widthOf(chosen.join(''));
        expect(whole).toBeLessThanOrEqual(sum + 1e-9);
        expect(whole).toBeGreaterThanOrEqual(sum - 0.01 * chosen.length - 1e-9);
      }),
    );
  });

  it('scales with the font size', () => {
    expect(widthOf('Kubernetes Cluster', { fontSize: 32 })).toBeCloseTo(2 * 137.890625, 1);
  });

  it('measures semibold wider than regular', () => {
    expect(widthOf('Control Plane', TEXT_STYLES.groupTitle)).toBeGreaterThan(
      widthOf('Control Plane', { fontSize: TEXT_STYLES.groupTitle.fontSize }),
    );
  });

  it('gives emoji, flags, ZWJ and keycap sequences 1.25 em and Hanja 1 em', () => {
    for (const emoji of ['😀', '🇰🇷', '👨‍👩‍👧', '1️⃣', '©️', '👍🏽']) expect(widthOf(emoji)).toBe(20);
    expect(widthOf('漢字')).toBe(32);
    expect(widthOf('©')).toBeLessThan(16); // text-style ©: Pretendard draws it
  });

  it('ignores what the browser does not draw', () => {
    expect(widthOf('ab\u00ADcd')).toBe(widthOf('abcd')); // soft hyphen
    expect(widthOf('ab\u200Bcd')).toBe(widthOf('abcd'));
    expect(widthOf('e\u0301')).toBe(widthOf('e'));
  });

  it('rounds to 1/100 px, never down', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const { lines, width } = measureText(text, regular16);
        for (const line of lines) expect(Math.round(line.width * 100) / 100).toBe(line.width);
        expect(width).toBe(Math.max(...lines.map((line) => line.width)));
      }),
    );
  });
});

describe('measureText lines', () => {
  it("breaks at '\\n' and '\\r\\n'", () => {
    const measured = measureText('App A\n(Java)\r\nx', regular16);
    expect(measured.lines.map((line) => line.text)).toEqual(['App A', '(Java)', 'x']);
    expect(measured.height).toBe(67.2);
    expect(measured.width).toBe(Math.max(widthOf('App A'), widthOf('(Java)')));
  });

  it('measures empty text as one empty line', () => {
    expect(measureText('', regular16)).toEqual({
      lines: [{ text: '', width: 0 }],
      width: 0,
      height: 22.4,
    });
  });

  it('uses lineHeight and fontSize for the height', () => {
    expect(measureText('a\nb', { fontSize: 14, lineHeight: 1.5 }).height).toBe(42);
  });

  it('does not wrap without maxWidth', () => {
    expect(
      measureText('Kubernetes Container Orchestrator '.repeat(20), regular16).lines,
    ).toHaveLength(1);
  });

  it('wraps English at spaces', () => {
    const maxWidth = widthOf('Kubernetes Container');
    expect(lineTexts('Kubernetes Container Orchestrator', maxWidth)).toEqual([
      'Kubernetes Container',
      'Orchestrator',
    ]);
    expect(lineTexts('Kubernetes Container Orchestrator', maxWidth - 0.01)).toEqual([
      'Kubernetes',
      'Container',
      'Orchestrator',
    ]);
  });

  it('wraps Korean at eojeol (space) boundaries, not between syllables', () => {
    const text = '지속적으로 상태 모니터링 및 유지';
    const twoLines = Math.max(widthOf('지속적으로 상태'), widthOf('모니터링 및 유지'));
    expect(lineTexts(text, twoLines)).toEqual(['지속적으로 상태', '모니터링 및 유지']);
    expect(lineTexts(text, widthOf('지속적으로'))).toEqual([
      '지속적으로',
      '상태',
      '모니터링',
      '및 유지',
    ]);
  });

  it('breaks a word wider than maxWidth between characters, only then', () => {
    const korean = lineTexts('컨테이너 클라우드네이티브오케스트레이션', 60);
    expect(korean).toEqual(['컨테이너', '클라우드', '네이티브', '오케스트', '레이션']);
    const english = measureText('see deployment.yaml now', { ...regular16, maxWidth: 50 });
    expect(english.lines.map((line) => line.text)).toEqual([
      'see',
      'deploy',
      'ment.y',
      'aml',
      'now',
    ]);
    for (const line of english.lines) expect(line.width).toBeLessThanOrEqual(50);
    expect(widthOf('deploym')).toBeGreaterThan(50); // greedy: each piece is as long as fits
  });

  it('never splits an emoji cluster', () => {
    expect(lineTexts('👨‍👩‍👧👨‍👩‍👧', 1)).toEqual(['👨‍👩‍👧', '👨‍👩‍👧']);
  });

  it('keeps lines within maxWidth and loses no words', () => {
    const word: fc.Arbitrary<string> = fc.constantFrom(
      'API',
      'Server',
      '컨테이너',
      '상태를',
      '유지',
      '(Borg의',
      '후속)',
      '😀',
      '2014.06',
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 40, max: 300 }),
        (words, maxWidth) => {
          const text = words.join(' ');
          const { lines } = measureText(text, { ...regular16, maxWidth });
          for (const line of lines) expect(line.width).toBeLessThanOrEqual(maxWidth);
          const noSpaces = (value: string) => value.replaceAll(' ', '');
          expect(noSpaces(lines.map((line) => line.text).join(''))).toBe(noSpaces(text));
          // A word is cut only if it is wider than maxWidth on its own.
          const tooWide = words.filter((w) => widthOf(w) > maxWidth);
          for (const line of lines) {
            for (const piece of line.text.split(' ')) {
              if (!words.includes(piece)) expect(tooWide.some((w) => w.includes(piece))).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('is deterministic, down to the JSON bytes', () => {
    const options = { ...TEXT_STYLES.nodeLabel, maxWidth: 120 };
    const text = '현재\n클라우드 네이티브 컨테이너 오케스트레이션의 사실상 표준 😀';
    expect(JSON.stringify(measureText(text, options))).toBe(
      JSON.stringify(measureText(text, options)),
    );
    expect(measureText(text, options)).toMatchInlineSnapshot(`
      {
        "height": 112,
        "lines": [
          {
            "text": "현재",
            "width": 27.66,
          },
          {
            "text": "클라우드 네이티브",
            "width": 114.65,
          },
          {
            "text": "컨테이너",
            "width": 55.32,
          },
          {
            "text": "오케스트레이션의",
            "width": 110.63,
          },
          {
            "text": "사실상 표준 😀",
            "width": 97.18,
          },
        ],
        "width": 114.65,
      }
    `);
  });
});
