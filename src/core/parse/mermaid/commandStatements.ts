import {
  expect,
  expectSeparator,
  type ParseContext,
  parseIdString,
  SyntaxFailure,
} from './grammar.ts';
import { toPlainLabel } from './labelText.ts';
import type { TokenType } from './tokens.ts';

const STYLE_PARTS: readonly TokenType[] = ['NUM', 'NODE_STRING', 'COLON', 'SPACE', 'BRKT', 'STYLE'];
const ALPHANUM_PARTS: readonly TokenType[] = [
  'NUM',
  'UNICODE_TEXT',
  'NODE_STRING',
  'DIR',
  'DOWN',
  'MINUS',
  'COMMA',
  'COLON',
  'AMP',
  'BRKT',
  'MULT',
];

/** `style id fill:#f9f,stroke:#333` */
export function parseStyleStatement(ctx: ParseContext): void {
  const keyword = ctx.tokens.next();
  expect(ctx, 'a space', 'SPACE');
  const { id } = parseIdString(ctx);
  expect(ctx, 'a space', 'SPACE');
  ctx.flow.styleVertex(id, parseStyles(ctx), keyword.start);
  expectSeparator(ctx);
}

/** `classDef name[,name…] fill:#f9f` */
export function parseClassDefStatement(ctx: ParseContext): void {
  const keyword = ctx.tokens.next();
  expect(ctx, 'a space', 'SPACE');
  const { id } = parseIdString(ctx, 'a class name');
  expect(ctx, 'a space', 'SPACE');
  ctx.flow.addClassDef(id, parseStyles(ctx), keyword.start);
  expectSeparator(ctx);
}

/** `class a,b name` */
export function parseClassStatement(ctx: ParseContext): void {
  const keyword = ctx.tokens.next();
  expect(ctx, 'a space', 'SPACE');
  const ids = parseIdString(ctx).id;
  expect(ctx, 'a space', 'SPACE');
  const name = parseIdString(ctx, 'a class name').id;
  ctx.flow.setClass(ids, name, keyword.start);
  expectSeparator(ctx);
}

/** `linkStyle 0,1 stroke:red`, `linkStyle default interpolate basis stroke:red` */
export function parseLinkStyleStatement(ctx: ParseContext): void {
  const { tokens } = ctx;
  const keyword = tokens.next();
  expect(ctx, 'a space', 'SPACE');
  const positions: Array<'default' | number> = [];
  if (tokens.at('DEFAULT')) {
    tokens.next();
    positions.push('default');
  } else {
    positions.push(Number(expect(ctx, '"default" or a link number', 'NUM').text));
    while (tokens.at('COMMA')) {
      tokens.next();
      positions.push(Number(expect(ctx, 'a link number', 'NUM').text));
    }
  }
  expect(ctx, 'a space', 'SPACE');
  let styles: string[] = [];
  if (tokens.at('INTERPOLATE')) {
    tokens.next();
    expect(ctx, 'a space', 'SPACE');
    const curve = parseAlphaNum(ctx);
    ctx.reporter.report(
      'warning',
      `linkStyle: curve "${curve}" is not supported; links keep their own curve.`,
      keyword.start,
    );
    if (tokens.at('SPACE')) {
      tokens.next();
      styles = parseStyles(ctx);
    }
  } else {
    styles = parseStyles(ctx);
  }
  ctx.flow.styleLinks(positions, styles, keyword.start);
  expectSeparator(ctx);
}

/**
 * `click id "https://…" "tooltip" _blank`, `click id href "…"`,
 * `click id callback "tooltip"`, `click id call callback(args)`.
 */
export function parseClickStatement(ctx: ParseContext): void {
  const { tokens } = ctx;
  const click = tokens.next();
  const ids = click.text;
  if (tokens.at('CALLBACK_NAME') || tokens.at(...ALPHANUM_PARTS)) {
    const name = tokens.at('CALLBACK_NAME') ? tokens.next().text.trim() : parseAlphaNum(ctx);
    if (tokens.at('CALLBACK_ARGS')) tokens.next();
    if (tokens.at('SPACE') && tokens.peek(1).type === 'STR') {
      tokens.next();
      tokens.next();
    }
    ctx.reporter.report(
      'warning',
      `click: callbacks are not supported; "${name}" on "${ids}" is dropped.`,
      click.start,
    );
    expectSeparator(ctx);
    return;
  }
  if (tokens.at('HREF')) tokens.next();
  const url = expect(ctx, 'a link in quotes or a callback name', 'STR').text;
  let tooltip: string | undefined;
  let target: string | undefined;
  if (tokens.at('SPACE')) {
    tokens.next();
    if (tokens.at('STR')) {
      tooltip = toPlainLabel(tokens.next().text, 'string').text;
      if (tokens.at('SPACE')) {
        tokens.next();
        target = expect(ctx, 'a link target such as _blank', 'LINK_TARGET').text;
      }
    } else {
      target = expect(ctx, 'a tooltip in quotes or a link target', 'LINK_TARGET').text;
    }
  }
  if (target !== undefined) {
    ctx.reporter.report(
      'warning',
      `click: link targets (${target}) are not supported; ignored.`,
      click.start,
    );
  }
  ctx.flow.setLink(ids, url, click.start, tooltip);
  expectSeparator(ctx);
}

/** Style declarations: runs of style tokens separated by commas. */
function parseStyles(ctx: ParseContext): string[] {
  const styles = [parseOneStyle(ctx)];
  while (ctx.tokens.at('COMMA')) {
    ctx.tokens.next();
    styles.push(parseOneStyle(ctx));
  }
  return styles;
}

function parseOneStyle(ctx: ParseContext): string {
  if (!ctx.tokens.at(...STYLE_PARTS))
    throw new SyntaxFailure(ctx.tokens.peek(), 'a style such as fill:#f9f');
  let text = '';
  while (ctx.tokens.at(...STYLE_PARTS)) text += ctx.tokens.next().text;
  return text;
}

function parseAlphaNum(ctx: ParseContext): string {
  if (!ctx.tokens.at(...ALPHANUM_PARTS)) throw new SyntaxFailure(ctx.tokens.peek(), 'a name');
  let text = '';
  while (ctx.tokens.at(...ALPHANUM_PARTS)) text += ctx.tokens.next().text;
  return text;
}
