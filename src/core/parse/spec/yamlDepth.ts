import { type CST, Parser } from 'yaml';

/**
 * How deep YAML collections may nest before we refuse to read them. The
 * `yaml` package composes documents recursively and overflows the stack
 * near 800 levels in V8 (less in a small worker stack), and our own readers
 * recurse too. A spec nests two levels per group (`g:` then `nodes:`), so
 * this leaves room for groups far deeper than the diagram limits allow.
 * Not a user setting: it only keeps the parser from crashing.
 */
export const MAX_YAML_DEPTH = 200;

/** Where YAML nests deeper than `MAX_YAML_DEPTH`. */
export interface DeepNesting {
  offset: number;
  message: string;
}

function children(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return token.items.flatMap((item) => {
        const key = 'key' in item && item.key ? [item.key] : [];
        return item.value ? [...key, item.value] : key;
      });
    default:
      return [];
  }
}

/**
 * The CST of `text`, and where it first nests too deep, if it does. The
 * parse that makes the CST is iterative, so it is safe at any depth; the
 * walk here is too.
 *
 * @example checkYamlDepth('a: [[1]]').tooDeep // undefined
 */
export function checkYamlDepth(text: string): { tokens: CST.Token[]; tooDeep?: DeepNesting } {
  const tokens = [...new Parser().parse(text)];
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({
    token,
    depth: 0,
  }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    const nests =
      token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const here = nests ? depth + 1 : depth;
    if (here > MAX_YAML_DEPTH) {
      return {
        tokens,
        tooDeep: {
          offset: token.offset,
          message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels; the parser stops here`,
        },
      };
    }
    for (const child of children(token)) stack.push({ token: child, depth: here });
  }
  return { tokens };
}
