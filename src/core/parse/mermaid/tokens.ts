/**
 * Token and lexer-mode names of the flowchart lexer. They follow Mermaid's
 * own flowchart grammar so that its behaviour can be checked rule by rule.
 */

/** Lexer modes (Mermaid's "start conditions"). */
export type Mode =
  | 'initial'
  | 'string'
  | 'markdown'
  | 'accTitle'
  | 'accDescr'
  | 'accDescrBlock'
  | 'dir'
  | 'text'
  | 'ellipseText'
  | 'trapText'
  | 'edgeText'
  | 'thickEdgeText'
  | 'dottedEdgeText'
  | 'click'
  | 'callbackName'
  | 'callbackArgs'
  | 'shapeData'
  | 'shapeDataString';

/** Token names; most are Mermaid's own. */
export type TokenType =
  | 'ACC_TITLE'
  | 'ACC_TITLE_VALUE'
  | 'ACC_DESCR'
  | 'ACC_DESCR_VALUE'
  | 'ACC_DESCR_BLOCK_VALUE'
  | 'SHAPE_DATA'
  | 'SHAPE_DATA_END'
  | 'CALLBACK_NAME'
  | 'CALLBACK_ARGS'
  | 'MD_STR'
  | 'STR'
  | 'STYLE'
  | 'DEFAULT'
  | 'LINKSTYLE'
  | 'INTERPOLATE'
  | 'CLASSDEF'
  | 'CLASS'
  | 'HREF'
  | 'CLICK'
  | 'GRAPH'
  | 'SUBGRAPH'
  | 'END'
  | 'LINK_TARGET'
  | 'NODIR'
  | 'DIR'
  | 'DIRECTION'
  | 'LINK_ID'
  | 'NUM'
  | 'BRKT'
  | 'STYLE_SEPARATOR'
  | 'COLON'
  | 'AMP'
  | 'SEMI'
  | 'COMMA'
  | 'MULT'
  | 'LINK'
  | 'START_LINK'
  | 'EDGE_TEXT'
  | 'ELLIPSE_START'
  | 'ELLIPSE_END'
  | 'TEXT'
  | 'STADIUM_START'
  | 'STADIUM_END'
  | 'SUBROUTINE_START'
  | 'SUBROUTINE_END'
  | 'PROPS_START'
  | 'TAGEND'
  | 'CYLINDER_START'
  | 'CYLINDER_END'
  | 'DOUBLECIRCLE_START'
  | 'DOUBLECIRCLE_END'
  | 'TRAP_START'
  | 'TRAP_END'
  | 'INVTRAP_START'
  | 'INVTRAP_END'
  | 'TAGSTART'
  | 'UP'
  | 'SEP'
  | 'DOWN'
  | 'NODE_STRING'
  | 'MINUS'
  | 'UNICODE_TEXT'
  | 'PIPE'
  | 'PS'
  | 'PE'
  | 'SQS'
  | 'SQE'
  | 'DIAMOND_START'
  | 'DIAMOND_STOP'
  | 'QUOTE'
  | 'NEWLINE'
  | 'SPACE'
  /** The end-of-text token a statement may end on. */
  | 'EOF'
  /** Text no rule accepts (a lexical error). */
  | 'INVALID'
  /** Past the end; returned forever. */
  | 'DONE';

/** One token of the lexed text. */
export interface Token {
  type: TokenType;
  text: string;
  /** Offset in the lexed text (not the original source). */
  start: number;
  end: number;
}
