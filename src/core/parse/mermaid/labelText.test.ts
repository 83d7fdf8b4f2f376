import { describe, expect, it } from 'vitest';
import { toPlainLabel } from './labelText.ts';

describe('toPlainLabel', () => {
  it('breaks lines on <br>, newlines and a literal \\n outside markdown', () => {
    expect(toPlainLabel('a<br>b<BR/>c<br />d\ne\\nf', 'text').text).toBe('a\nb\nc\nd\ne\nf');
  });

  it('keeps a literal \\n in markdown, where it is not a break', () => {
    expect(toPlainLabel('a\\nb', 'markdown').text).toBe('a\\nb');
  });

  it('drops markdown emphasis but not underscores inside words', () => {
    expect(toPlainLabel('**bold** *em* _u_ __strong__ snake_case_name', 'markdown').text).toBe(
      'bold em u strong snake_case_name',
    );
  });

  it('dedents markdown lines and drops blank ones', () => {
    expect(toPlainLabel('first\n\n     second', 'markdown').text).toBe('first\nsecond');
  });

  it('leaves asterisks alone outside markdown', () => {
    expect(toPlainLabel('**not bold**', 'string').text).toBe('**not bold**');
  });

  it('strips tags and collapses blanks like HTML', () => {
    expect(toPlainLabel('  <b>big</b>   <span class="x">deal</span> ', 'text').text).toBe(
      'big deal',
    );
  });

  it('notes content we drop or show as source', () => {
    expect(toPlainLabel('<img src="x.png"> logo', 'text')).toEqual({
      text: 'logo',
      notes: ['HTML <img> in a label is dropped.'],
      icons: [],
    });
    expect(toPlainLabel('$$x^2$$', 'text').notes).toEqual([
      'Math ($$…$$) is shown as its source text.',
    ]);
    expect(toPlainLabel('&bogus;', 'text')).toEqual({
      text: '&bogus;',
      notes: ['Unknown character reference &bogus; is shown as text.'],
      icons: [],
    });
  });

  it('takes the icons out of the words, as Mermaid draws them, by its own pattern', () => {
    expect(toPlainLabel('fa:fa-car Car', 'text')).toEqual({
      text: 'Car',
      notes: [],
      icons: ['fa:car'],
    });
    expect(toPlainLabel('Code on fab:fa-github<br>and fa:fa-twitter', 'string')).toEqual({
      text: 'Code on\nand',
      notes: [],
      icons: ['fab:github', 'fa:twitter'],
    });
    expect(toPlainLabel('**fas:fa-user** me', 'markdown').icons).toEqual(['fas:user']);
    expect(toPlainLabel('x:fa-car fa-car fa:car', 'text').icons).toEqual([]);
  });

  it('decodes HTML references, not text that only looks like tags', () => {
    expect(toPlainLabel('&lt;b&gt; &#35; &#x2665; 5 > 3 && 2 < 4', 'text').text).toBe(
      '<b> # ♥ 5 > 3 && 2 < 4',
    );
  });
});
