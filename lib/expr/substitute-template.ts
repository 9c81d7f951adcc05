import { ExpressionError } from './expression-error';
import { toExpressionEnv } from './argo-env';
import { collectVariables } from './check-names';
import { checkExpr } from './compile-expr';
import { evaluateAst } from './evaluate-expr';
import { toGoJson } from './go-json';
import type { GoTime } from './go-time';
import { parseExpr } from './parse-expr';
import type { ExprNode } from './expr-ast';
import { goQuote } from './sprig-convert';
import { getOwn, isNil, isValueMap } from './value';
import type { Value, ValueMap } from './value';

// Argo's `{{...}}` substitution (util/template): `{{name}}` is looked up in a flat map of dotted names, `{{=expr}}`
// is evaluated with expr-lang against the same names expanded into nested maps. What happens to a tag that cannot be
// resolved yet depends on the caller, as in Argo: keep it for a later pass, or fail.

/** Options for substituteTemplate. */
export interface SubstituteOptions {
  /**
   * 'error' (the default): every tag must resolve, as Argo's Replace(..., allowUnresolved=false).
   * 'keep': unresolved tags are left as they are for a later pass, as Replace(..., allowUnresolved=true).
   */
  unresolved?: 'error' | 'keep';
  /**
   * Tags whose name starts with one of these dotted prefixes (e.g. "tasks", "steps.a") must resolve even when
   * `unresolved` is 'keep', as Argo's ReplaceStrict; outputs.artifacts tags are still allowed to stay.
   */
  strictPrefixes?: readonly string[];
  /**
   * 'json': the text is JSON (as Argo substitutes into a marshalled template) and inserted text is escaped for a
   * JSON string; expressions are JSON-unescaped before evaluation. 'none' (the default): plain text.
   */
  escape?: 'none' | 'json';
  /** The clock for `now()` and sprig's date functions inside `{{=...}}`. */
  now?: Date | GoTime;
}

const PLACEHOLDER_PREFIX = '__argo__internal__placeholder-';

// Variables bound only late (per loop item, per retry, at exit): an expression that needs one and lacks it is left
// for later instead of being evaluated to nil (Argo issues #5388, #10393, #15008).
const LATE_BOUND = ['item', 'retries', 'lastRetry.exitCode', 'lastRetry.status', 'lastRetry.duration', 'lastRetry.message',
  'workflow.status', 'workflow.failures'];

/** Substitutes `{{name}}` and `{{=expression}}` tags in text; throws ExpressionError when a tag must but cannot resolve. */
export function substituteTemplate(text: string, values: Readonly<Record<string, Value>>, options: SubstituteOptions = {}): string {
  const strict = strictMatcher(options);
  const allowUnresolvedArtifacts = options.unresolved === 'keep' || options.strictPrefixes !== undefined;
  let env: ValueMap | undefined;
  const getEnv = (): ValueMap => (env ??= toExpressionEnv(values, { now: options.now }));
  let out = '';
  let rest = text;
  for (;;) {
    const start = rest.indexOf('{{');
    if (start < 0) return out + rest;
    out += rest.slice(0, start);
    const afterStart = rest.slice(start + 2);
    const end = afterStart.indexOf('}}');
    if (end < 0) throw new ExpressionError(`Cannot find end tag="}}" in the template=${JSON.stringify(text)} starting from ${JSON.stringify(afterStart)}`);
    const tag = afterStart.slice(0, end);
    rest = afterStart.slice(end + 2);
    out += tag.startsWith('=')
      ? replaceExpression(fixJson(tag.slice(1)), getEnv(), strict, options)
      : replaceSimple(tag, values, strict, allowUnresolvedArtifacts, options);
  }
}

function strictMatcher(options: SubstituteOptions): ((name: string) => boolean) | undefined {
  if (options.strictPrefixes !== undefined) {
    if (options.strictPrefixes.length === 0) return undefined;
    return (name) => options.strictPrefixes?.some((prefix) => name === prefix || name.startsWith(`${prefix}.`)) ?? false;
  }
  return options.unresolved === 'keep' ? undefined : () => true;
}

// Argo marshals templates with Go's HTML-safe escaping; jsonutil.Fix turns \u003c, \u003e and \u0026 back.
function fixJson(expression: string): string {
  return expression.replaceAll('\\u003c', '<').replaceAll('\\u003e', '>').replaceAll('\\u0026', '&');
}

// What an inserted string becomes: as is in plain text; escaped as by strconv.Quote inside JSON text.
function escapeText(value: string, options: SubstituteOptions): string {
  return options.escape === 'json' ? goQuote(value).slice(1, -1) : value;
}

function replaceSimple(tag: string, values: Readonly<Record<string, Value>>, strict: ((name: string) => boolean) | undefined,
  allowUnresolvedArtifacts: boolean, options: SubstituteOptions): string {
  const name = tag.trim();
  if (!Object.hasOwn(values, name)) {
    // "{{inputs.parameters.{{item}}}}": the first "}}" ends the outer tag early; resolve the inner one and leave
    // "{{inputs.parameters.<value>" for the next pass, as Argo does.
    const nested = tag.lastIndexOf('{{');
    if (nested > 0) {
      const inner = tag.slice(nested + 2);
      if (Object.hasOwn(values, inner)) {
        const value = values[inner];
        if (isNil(value)) throw new ExpressionError(`unable to substitute nested tag {{${tag}}}: "${inner}" is an absent optional`);
        if (typeof value === 'string') return `{{${tag.slice(0, nested)}${escapeText(value, options)}`;
      }
    }
    if (strict?.(name) && (!allowUnresolvedArtifacts || !name.includes('.outputs.artifacts.'))) {
      throw new ExpressionError(`failed to resolve {{${tag}}}`);
    }
    return `{{${tag}}}`;
  }
  const value = values[name];
  if (isNil(value)) {
    throw new ExpressionError(`unable to substitute {{${tag}}}: output is an absent optional (skipped/omitted node with no default)`);
  }
  if (typeof value !== 'string') throw new ExpressionError(`failed to resolve {{${tag}}} to string`);
  return escapeText(value, options);
}

function replaceExpression(rawExpression: string, env: ValueMap, strict: ((name: string) => boolean) | undefined,
  options: SubstituteOptions): string {
  const keep = `{{=${rawExpression}}}`;
  let expression = rawExpression;
  if (options.escape === 'json') {
    try {
      expression = JSON.parse(`"${rawExpression}"`) as string;
    } catch {
      throw new ExpressionError(`failed to unmarshall JSON expression: ${rawExpression}`);
    }
  }
  let ast: ExprNode;
  try {
    ast = parseExpr(expression);
  } catch (error) {
    return evaluateTag(undefined, expression, env, false, keep, options, error);
  }
  const variables = collectVariables(ast);
  const missing = variables.filter((name) => !hasVariable(env, name));
  const required = missing.find((name) => strict?.(name));
  if (required !== undefined) throw new ExpressionError(`failed to evaluate expression: ${required} is missing`);
  return evaluateTag(ast, expression, env, missing.length > 0 || strict === undefined, keep, options);
}

function evaluateTag(ast: ExprNode | undefined, expression: string, env: ValueMap, allowUnresolved: boolean, keep: string,
  options: SubstituteOptions, parseError?: unknown): string {
  // While Argo still has placeholders for values it will fill in later, any failure just leaves the tag.
  const tolerant = allowUnresolved || hasPlaceholder(env);
  if (!ast) {
    if (tolerant) return keep;
    throw new ExpressionError(`failed to evaluate expression: ${reasonOf(parseError)}`);
  }
  if (allowUnresolved && collectVariables(ast).some((name) => LATE_BOUND.includes(name) && !hasVariable(env, name))) return keep;
  let result: Value;
  try {
    checkExpr(ast, env, expression);
    result = evaluateAst(ast, env, expression, { now: options.now });
  } catch (error) {
    if (tolerant) return keep;
    throw new ExpressionError(`failed to evaluate expression: ${reasonOf(error)}`);
  }
  if (isNil(result)) {
    if (tolerant) return keep;
    throw new ExpressionError(`failed to evaluate expression ${JSON.stringify(expression)}`);
  }
  let json: string;
  try {
    json = toGoJson(result);
  } catch (error) {
    if (allowUnresolved) return keep;
    throw new ExpressionError(`failed to marshal evaluated expression: ${reasonOf(error)}`);
  }
  // A string result is inserted without its quotes; anything else as its JSON text (escaped again inside JSON).
  if (typeof result === 'string') return options.escape === 'json' ? json.slice(1, -1) : result;
  return escapeText(json, options);
}

function reasonOf(error: unknown): string {
  return error instanceof ExpressionError ? error.message : error instanceof Error ? error.message : String(error);
}

/** Whether a dotted variable exists in the environment; a present-but-nil leaf counts (Argo's hasVarInEnv). */
export function hasVariable(env: ValueMap, name: string): boolean {
  if (Object.hasOwn(env, name)) return true;
  let current: Value = env;
  const parts = name.split('.');
  for (const [i, part] of parts.entries()) {
    if (!isValueMap(current)) return false;
    const next = getOwn(current, part);
    if (next === undefined) return false;
    if (i === parts.length - 1) return true;
    current = next;
  }
  return false;
}

function hasPlaceholder(value: Value): boolean {
  if (typeof value === 'string') return value.startsWith(PLACEHOLDER_PREFIX);
  if (isValueMap(value)) return Object.values(value).some(hasPlaceholder);
  return false;
}
