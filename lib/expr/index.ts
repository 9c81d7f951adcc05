import { ExpressionError } from './expression-error';
import { compileExpr } from './compile-expr';
import { evaluateAst } from './evaluate-expr';
import type { EvaluateOptions } from './evaluate-expr';
import { goTypeName } from './value';
import type { Value, ValueMap } from './value';

// Capstan's expression evaluator: expr-lang for `{{=...}}`, hooks, retryStrategy.expression and the like;
// govaluate for legacy `when:`; and Argo's `{{...}}` template substitution. Everything here is pure.

export { ExpressionError } from './expression-error';
export type { Value, ValueMap, ExprFunction } from './value';
export { toPlainValue, toValue, isValueMap } from './value';
export { GoDuration, GoTime } from './go-time';
export type { EvaluateOptions } from './evaluate-expr';
export { evaluateWhen } from './evaluate-when';
export type { WhenOptions, WhenResult } from './evaluate-when';
export { substituteTemplate } from './substitute-template';
export type { SubstituteOptions } from './substitute-template';
export { expandDottedKeys, toExpressionEnv } from './argo-env';
export type { ExpressionEnvOptions } from './argo-env';
export { parseExpr } from './parse-expr';
export type { ExprNode } from './expr-ast';
export { collectVariables } from './check-names';
export { toGoJson } from './go-json';
export { formatGoValue } from './format-go-value';

/**
 * Evaluates an expr-lang expression against an environment (build Argo's with toExpressionEnv). Like expr-lang,
 * every name must exist in the environment and known types must fit, even on a branch that does not run.
 * Throws ExpressionError.
 */
export function evaluateExpression(source: string, env: ValueMap, options: EvaluateOptions = {}): Value {
  return evaluateAst(compileExpr(source, env), env, source, options);
}

/** Evaluates an expression that must yield a boolean, as Argo's argoexpr.EvalBool does for hooks and retries. */
export function evaluateBool(source: string, env: ValueMap, options: EvaluateOptions = {}): boolean {
  const result = evaluateExpression(source, env, options);
  if (typeof result !== 'boolean') {
    throw new ExpressionError(`unable to cast expression result '${goTypeName(result)}' to bool`, source);
  }
  return result;
}
