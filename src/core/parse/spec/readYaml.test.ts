import { describe, expect, it } from 'vitest';
import { readYaml } from './readYaml.ts';

describe('readYaml', () => {
  it('places an error at a CRLF line end on that line, not past its last character', () => {
    const { issues } = readYaml('{{\\]\r\n');
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.pos?.line).toBe(1);
      expect(issue.pos?.col).toBeLessThanOrEqual('{{\\]'.length + 1);
    }
  });

  it('places syntax errors on their own line, even after the parser recovered from one', () => {
    // The parser's own line count skips the line break it recovers past
    // (after `c`), so the errors about `e: [` said line 4, the line of `d`.
    const { issues, broken } = readYaml(' a: \nb:\nc\n  d\ne: [\n');
    expect(broken).toBe(true);
    const flowStart = issues.find((issue) => issue.message.includes('flow-seq-start'));
    expect(flowStart?.pos).toEqual({ line: 5, col: 4 });
  });

  it('counts CRLF as one line break', () => {
    expect(readYaml('a: 1\r\nb: [\r\n').issues[0]?.pos?.line).toBe(3);
  });
});
