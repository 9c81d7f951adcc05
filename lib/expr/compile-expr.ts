import { checkNames } from './check-names';
import { checkTypes } from './check-types';
import type { ExprNode } from './expr-ast';
import { parseExpr } from './parse-expr';
import type { ValueMap } from './value';

/** Checks a parsed expression against the environment as expr-lang's compiler does: names, then types. */
export function checkExpr(ast: ExprNode, env: ValueMap, source: string): void {
  checkNames(ast, env, source);
  checkTypes(ast, env, source);
}

/** Parses and checks an expression; throws ExpressionError for what expr-lang would refuse to compile. */
export function compileExpr(source: string, env: ValueMap): ExprNode {
  const ast = parseExpr(source);
  checkExpr(ast, env, source);
  return ast;
}
