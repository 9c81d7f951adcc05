import { fail, locateError } from './expression-error';
import { COLLECTION_BUILTINS } from './builtins-collections';
import { TEXT_BUILTINS } from './builtins-text';
import type { BuiltinContext } from './builtins-text';
import { fromUtf8, toUtf8 } from './go-encoding';
import { compileGoRegexp } from './go-regexp';
import { toGoTime } from './go-time';
import type { GoTime } from './go-time';
import * as op from './operators';
import { PREDICATE_BUILTINS } from './expr-grammar';
import { callPredicateBuiltin } from './predicate-builtins';
import { findMethod } from './time-methods';
import { getOwn, goTypeName, isNil, isValueMap, setOwn, toValue } from './value';
import type { ExprFunction, Value, ValueMap } from './value';
import type { ExprNode, NodeOf } from './expr-ast';
import { formatGoValue } from './format-go-value';

// Walks the syntax tree with expr-lang's runtime semantics (vm/vm.go and vm/runtime). Errors carry the position of
// the innermost node that failed, as expr-lang's do.

/** Options for evaluating an expression. */
export interface EvaluateOptions {
  /** The clock for `now()` (and sprig's date functions); lib/ never reads the system clock itself. */
  now?: Date | GoTime;
}

interface Frame {
  item: Value;
  index: number;
  acc?: Value;
}

interface Context {
  env: ValueMap;
  source: string;
  builtin: BuiltinContext;
  lets: ReadonlyMap<string, Value>;
  frames: readonly Frame[];
}

// Thrown when `?.` meets nil; caught by the enclosing chain node, which then yields nil.
const CHAIN_NIL = Symbol('chain-nil');

/** Evaluates a parsed expression against an environment; check it first with checkExpr, as expr-lang compiles first. */
export function evaluateAst(node: ExprNode, env: ValueMap, source: string, options: EvaluateOptions = {}): Value {
  const now = options.now instanceof Date ? toGoTime(options.now) : options.now;
  return evaluate(node, { env, source, builtin: { now }, lets: new Map(), frames: [] });
}

function evaluate(node: ExprNode, context: Context): Value {
  try {
    return evaluateNode(node, context);
  } catch (error) {
    if (error === CHAIN_NIL) throw error;
    throw locateError(error, context.source, node.position);
  }
}

function evaluateNode(node: ExprNode, context: Context): Value {
  switch (node.kind) {
    case 'nil': return null;
    case 'bool': case 'int': case 'float': case 'string': return node.value;
    case 'identifier': return lookup(node.name, context);
    case 'pointer': return pointer(node.name, context);
    case 'unary': return unary(node, context);
    case 'binary': return binary(node, context);
    case 'member': {
      const object = evaluate(node.object, context);
      if (node.optional && isNil(object)) throw CHAIN_NIL;
      return fetch(object, evaluate(node.property, context));
    }
    case 'slice': return slice(node, context);
    case 'call': return call(node, context);
    case 'builtin': return builtin(node, context);
    case 'predicate': return fail('a predicate can only be an argument of a builtin');
    case 'chain':
      try {
        return evaluate(node.node, context);
      } catch (error) {
        if (error === CHAIN_NIL) return null;
        throw error;
      }
    case 'conditional': {
      const condition = evaluate(node.condition, context);
      if (typeof condition !== 'boolean') return fail(`non-bool expression (type ${goTypeName(condition)}) used as condition`);
      return evaluate(condition ? node.then : node.otherwise, context);
    }
    case 'array': return node.items.map((item) => evaluate(item, context));
    case 'map': {
      const map: ValueMap = {};
      for (const pair of node.pairs) {
        const key = evaluate(pair.key, context);
        if (typeof key !== 'string') return fail(`interface conversion: interface {} is ${goTypeName(key)}, not string`);
        setOwn(map, key, evaluate(pair.value, context));
      }
      return map;
    }
    case 'let': {
      const lets = new Map(context.lets).set(node.name, evaluate(node.value, context));
      return evaluate(node.body, { ...context, lets });
    }
    case 'sequence': {
      let last: Value = null;
      for (const item of node.nodes) last = evaluate(item, context);
      return last;
    }
  }
}

function lookup(name: string, context: Context): Value {
  if (context.lets.has(name)) return context.lets.get(name) ?? null;
  if (name === '$env') return context.env;
  // A missing name reads as nil, as a map environment does in expr-lang; checkNames rejects it beforehand except
  // inside arguments expr-lang leaves unchecked.
  return getOwn(context.env, name) ?? null;
}

function pointer(name: string, context: Context): Value {
  const frame = context.frames[context.frames.length - 1];
  if (!frame) return fail('# can only be used inside a predicate');
  if (name === '') return frame.item;
  if (name === 'index') return BigInt(frame.index);
  if (name === 'acc' && frame.acc !== undefined) return frame.acc;
  return fail(`unknown pointer #${name}`);
}

function bool(value: Value, operator: string): boolean {
  if (typeof value === 'boolean') return value;
  return fail(`invalid operation: ${operator} (mismatched type ${goTypeName(value)})`);
}

function unary(node: NodeOf<'unary'>, context: Context): Value {
  const value = evaluate(node.operand, context);
  switch (node.operator) {
    case 'not': case '!': return !bool(value, node.operator);
    case '-': return op.negate(value);
    default:
      if (typeof value === 'bigint' || typeof value === 'number') return value;
      return fail(`invalid operation: + (mismatched type ${goTypeName(value)})`);
  }
}

function binary(node: NodeOf<'binary'>, context: Context): Value {
  const operator = node.operator;
  if (operator === '||' || operator === 'or' || operator === '&&' || operator === 'and') {
    return logical(node, operator === '&&' || operator === 'and', context);
  }
  if (operator === '??') {
    const left = evaluate(node.left, context);
    return isNil(left) ? evaluate(node.right, context) : left;
  }
  const left = evaluate(node.left, context);
  const right = evaluate(node.right, context);
  switch (operator) {
    case '==': return op.equal(left, right);
    case '!=': return !op.equal(left, right);
    case '<': return op.compare(left, right, operator) < 0;
    case '>': return op.compare(left, right, operator) > 0;
    case '<=': return op.compare(left, right, operator) <= 0;
    case '>=': return op.compare(left, right, operator) >= 0;
    case '+': return op.add(left, right);
    case '-': return op.subtract(left, right);
    case '*': return op.multiply(left, right);
    case '/': return op.divide(left, right);
    case '%': return op.modulo(left, right);
    case '**': case '^': return op.power(left, right);
    case '..': return op.range(left, right);
    case 'in': return op.contains(right, left);
    case 'matches': case 'contains': case 'startsWith': case 'endsWith': {
      // expr-lang answers false for a nil on either side rather than failing.
      if (isNil(left) || isNil(right)) return false;
      if (typeof left !== 'string' || typeof right !== 'string') {
        return fail(`interface conversion: interface {} is ${goTypeName(typeof left !== 'string' ? left : right)}, not string`);
      }
      if (operator === 'matches') return compileGoRegexp(right).test(left);
      if (operator === 'contains') return left.includes(right);
      return operator === 'startsWith' ? left.startsWith(right) : left.endsWith(right);
    }
    default: return fail(`unknown operator ${operator}`);
  }
}

// expr-lang compiles `a && b` to "jump if a is false, else b": a must be a bool, b is returned as it is. Its optimiser
// first folds a literal operand away (`x && true` is x, `x && false` is false without evaluating x), so do that too.
function logical(node: NodeOf<'binary'>, isAnd: boolean, context: Context): Value {
  const { left, right } = node;
  const constantLeft = constantBool(left);
  const constantRight = constantBool(right);
  if (constantLeft !== undefined) return constantLeft === isAnd ? evaluate(right, context) : constantLeft;
  if (constantRight !== undefined) return constantRight === isAnd ? evaluate(left, context) : constantRight;
  const value = evaluate(left, context);
  if (typeof value !== 'boolean') return fail(`interface conversion: interface {} is ${goTypeName(value)}, not bool`);
  return value === isAnd ? evaluate(right, context) : value;
}

// The boolean an operand folds to in expr-lang's optimiser: a literal, or `not`/`!` of one.
function constantBool(node: ExprNode): boolean | undefined {
  if (node.kind === 'bool') return node.value;
  if (node.kind === 'unary' && (node.operator === 'not' || node.operator === '!')) {
    const inner = constantBool(node.operand);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/** Reads `object[property]` as expr-lang's runtime.Fetch does. */
export function fetch(object: Value, property: Value): Value {
  if (isNil(object)) return fail(`cannot fetch ${formatGoValue(property)} from <nil>`);
  if (typeof property === 'string') {
    const method = findMethod(object, property);
    if (method) return method;
  }
  if (Array.isArray(object) || typeof object === 'string') {
    const items: ArrayLike<Value> = typeof object === 'string' ? Array.from(toUtf8(object), (byte) => BigInt(byte)) : object;
    let index = Number(op.toGoInt(property));
    if (index < 0) index += items.length;
    if (index < 0 || index >= items.length) return fail(`index out of range: ${index} (array length is ${items.length})`);
    return items[index] ?? null;
  }
  if (isValueMap(object)) {
    const key = isNil(property) ? '' : property;
    if (typeof key !== 'string') return fail(`reflect.Value.MapIndex: value of type ${goTypeName(key)} is not assignable to type string`);
    return getOwn(object, key) ?? null;
  }
  return fail(`cannot fetch ${formatGoValue(property)} from ${goTypeName(object)}`);
}

function slice(node: NodeOf<'slice'>, context: Context): Value {
  const object = evaluate(node.object, context);
  const isString = typeof object === 'string';
  if (!Array.isArray(object) && !isString) return fail(`cannot slice ${goTypeName(object)}`);
  // Go slices strings by byte; slicing inside a multi-byte character yields U+FFFD when shown.
  const items = isString ? toUtf8(object) : object;
  const length = items.length;
  const bound = (bound: ExprNode | undefined, fallback: number): number => {
    if (!bound) return fallback;
    let index = Number(op.toGoInt(evaluate(bound, context)));
    if (index < 0) index += length;
    return Math.min(Math.max(index, 0), length);
  };
  const to = bound(node.to, length);
  const from = Math.min(bound(node.from, 0), to);
  return isString ? fromUtf8((items as Uint8Array).slice(from, to)) : (items as Value[]).slice(from, to);
}

function call(node: NodeOf<'call'>, context: Context): Value {
  let callee: Value;
  if (node.callee.kind === 'member' && node.callee.method) {
    const member = node.callee;
    const object = evaluate(member.object, context);
    if (member.optional && isNil(object)) throw CHAIN_NIL;
    callee = fetch(object, evaluate(member.property, context));
  } else callee = evaluate(node.callee, context);
  if (typeof callee !== 'function') return fail(`${goTypeName(callee)} is not callable`);
  const args = node.args.map((arg) => evaluate(arg, context));
  return toValue((callee as ExprFunction)(...args));
}

function builtin(node: NodeOf<'builtin'>, context: Context): Value {
  if (Object.hasOwn(PREDICATE_BUILTINS, node.name)) {
    const [collectionNode, predicateNode, extraNode] = node.args;
    const collection = collectionNode ? evaluate(collectionNode, context) : null;
    const body = predicateNode?.kind === 'predicate' ? predicateNode.body : undefined;
    const run = body
      ? (item: Value, index: number, acc?: Value): Value => evaluate(body, { ...context, frames: [...context.frames, { item, index, acc }] })
      : undefined;
    const extra = extraNode ? evaluate(extraNode, context) : undefined;
    return callPredicateBuiltin(node.name, collection, run, extra);
  }
  const args = node.args.map((arg) => evaluate(arg, context));
  const text = Object.hasOwn(TEXT_BUILTINS, node.name) ? TEXT_BUILTINS[node.name] : undefined;
  if (text) return text(args, context.builtin);
  const collection = Object.hasOwn(COLLECTION_BUILTINS, node.name) ? COLLECTION_BUILTINS[node.name] : undefined;
  if (collection) return collection(args);
  return fail(`unknown builtin ${node.name}`);
}
