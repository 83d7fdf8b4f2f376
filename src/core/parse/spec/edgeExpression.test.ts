import { describe, expect, it } from 'vitest';
import { autoEdgeId, EDGE_OPERATORS, ID_PATTERN, parseEdgeExpression } from './edgeExpression.ts';

describe('parseEdgeExpression', () => {
  it.each([
    ['a -> b', 'solid', 'none', 'arrow'],
    ['a --> b', 'solid', 'none', 'arrow'],
    ['a <-> b', 'solid', 'arrow', 'arrow'],
    ['a -- b', 'solid', 'none', 'none'],
    ['a --- b', 'solid', 'none', 'none'],
    ['a ..> b', 'dashed', 'none', 'arrow'],
    ['a -.-> b', 'dashed', 'none', 'arrow'],
    ['a <..> b', 'dashed', 'arrow', 'arrow'],
    ['a .. b', 'dashed', 'none', 'none'],
    ['a => b', 'thick', 'none', 'arrow'],
    ['a <=> b', 'thick', 'arrow', 'arrow'],
    ['a == b', 'thick', 'none', 'none'],
  ])('reads %s', (text, line, start, end) => {
    expect(parseEdgeExpression(text)).toMatchObject({
      source: 'a',
      target: 'b',
      line,
      arrows: { start, end },
    });
  });

  it('needs no spaces, even with dashes and dots inside ids', () => {
    expect(parseEdgeExpression('kube-proxy->api')).toMatchObject({
      source: 'kube-proxy',
      target: 'api',
    });
    expect(parseEdgeExpression('a--b')).toMatchObject({ source: 'a', target: 'b', operator: '--' });
    expect(parseEdgeExpression('v1.api..>etcd')).toMatchObject({
      source: 'v1.api',
      target: 'etcd',
      line: 'dashed',
    });
    expect(parseEdgeExpression('a-->b')).toMatchObject({ operator: '-->' });
  });

  it('reads Korean ids', () => {
    expect(parseEdgeExpression('사용자 -> 서버')).toMatchObject({
      source: '사용자',
      target: '서버',
    });
  });

  it('gives where each id starts, for diagnostics', () => {
    expect(parseEdgeExpression('  api  <->  etcd ')).toMatchObject({
      sourceOffset: 2,
      targetOffset: 12,
    });
  });

  it.each(['a - > b', 'a ->', '-> b', 'a -> b -> c', 'a b', 'a ---> b', 'a- -> b', ''])(
    'rejects %j',
    (text) => {
      expect(parseEdgeExpression(text)).toBeUndefined();
    },
  );

  it('knows every operator it advertises', () => {
    for (const operator of Object.keys(EDGE_OPERATORS)) {
      expect(parseEdgeExpression(`x ${operator} y`)?.operator).toBe(operator);
    }
  });
});

describe('ID_PATTERN', () => {
  it('takes letters of any script, digits, _ and inner - or .', () => {
    for (const id of ['api', 'kube-proxy', 'node_1', 'v1.2', '컨테이너', 'ÉTÉ', '42'])
      expect(ID_PATTERN.test(id)).toBe(true);
    for (const id of ['a b', '-a', 'a-', 'a--b', 'a..b', 'a>b', 'a:b', ''])
      expect(ID_PATTERN.test(id)).toBe(false);
  });
});

describe('autoEdgeId', () => {
  it('numbers further edges between the same ordered pair from 2', () => {
    expect(autoEdgeId('a', 'b', new Set())).toBe('a->b');
    expect(autoEdgeId('a', 'b', new Set(['a->b']))).toBe('a->b#2');
    expect(autoEdgeId('a', 'b', new Set(['a->b', 'a->b#2']))).toBe('a->b#3');
    expect(autoEdgeId('b', 'a', new Set(['a->b']))).toBe('b->a');
  });
});
