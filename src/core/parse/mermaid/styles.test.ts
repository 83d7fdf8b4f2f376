import { describe, expect, it } from 'vitest';
import { toStyle } from './styles.ts';

describe('toStyle', () => {
  it('reads the properties we draw', () => {
    expect(
      toStyle([
        'fill:#f9f',
        ' stroke: #333 ',
        'stroke-width:2.5px',
        'color:red',
        'stroke-dasharray: 5 5',
      ]),
    ).toEqual({
      style: {
        fill: '#f9f',
        stroke: '#333',
        strokeWidth: 2.5,
        color: 'red',
        strokeDasharray: '5 5',
      },
      ignored: [],
    });
  });

  it('lets later declarations win and lists the rest as ignored', () => {
    expect(
      toStyle(['fill:red', 'fill:blue !important', 'font-weight:bold', 'stroke-width:thick', '']),
    ).toEqual({
      style: { fill: 'blue' },
      ignored: ['font-weight:bold', 'stroke-width:thick'],
    });
  });
});
