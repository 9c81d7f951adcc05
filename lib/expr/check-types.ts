import { ExpressionError } from './expression-error';
import { forEachChild } from './check-names';
import type { ExprNode } from './expr-ast';
import { GoDuration, GoTime } from './go-time';
import { getOwn, isValueMap } from './value';
import type { Value, ValueMap } from './value';

// expr-lang type-checks an expression against the environment before running it. Most type errors surface at run
// time anyway, but two do not: `==` between values of different known types (expr-lang refuses to compile
// `retries == 0` when retries is a string; at run time it would just be false), and `&&`/`||` whose operand could
// be skipped by short-circuiting. This infers types where expr-lang knows them and reports those two errors.
// Anything uncertain is 'unknown', which expr-lang accepts everywhere, so the check never rejects more than it.

type StaticType = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'array' | 'map' | 'time' | 'duration' | 'unknown';

const GO_NAMES: Record<StaticType, string> = {
  int: 'int', float: 'float64', string: 'string', bool: 'bool', nil: 'unknown', array: '[]interface {}',
  map: 'map[string]interface {}', time: 'time.Time', duration: 'time.Duration', unknown: 'unknown',
};

const BUILTIN_TYPES: Record<string, StaticType> = {
  len: 'int', count: 'int', indexOf: 'int', lastIndexOf: 'int', int: 'int', bitand: 'int', bitor: 'int', bitxor: 'int',
  bitnand: 'int', bitnot: 'int', bitshl: 'int', bitshr: 'int', bitushr: 'int', float: 'float', string: 'string',
  upper: 'string', lower: 'string', trim: 'string', trimPrefix: 'string', trimSuffix: 'string', repeat: 'string',
  replace: 'string', join: 'string', toJSON: 'string', toBase64: 'string', fromBase64: 'string', type: 'string',
  all: 'bool', any: 'bool', none: 'bool', one: 'bool', hasPrefix: 'bool', hasSuffix: 'bool', filter: 'array',
  map: 'array', sort: 'array', sortBy: 'array', reverse: 'array', uniq: 'array', concat: 'array', flatten: 'array',
  keys: 'array', values: 'array', toPairs: 'array', split: 'array', splitAfter: 'array', take: 'array', now: 'time',
  date: 'time', duration: 'duration',
};

const isNumber = (t: StaticType): boolean => t === 'int' || t === 'float';

function typeOfValue(value: Value | undefined): StaticType {
  switch (typeof value) {
    case 'string': return 'string';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'boolean': return 'bool';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof GoTime) return 'time';
  if (value instanceof GoDuration) return 'duration';
  return isValueMap(value) ? 'map' : 'unknown'; // nil and functions: expr-lang's natures for them vary; stay lenient
}

function arithmetic(operator: string, l: StaticType, r: StaticType): StaticType {
  switch (operator) {
    case '+':
      if (l === 'string' && r === 'string') return 'string';
      if ((l === 'time' && r === 'duration') || (l === 'duration' && r === 'time')) return 'time';
      if (l === 'duration' && r === 'duration') return 'duration';
      break;
    case '-':
      if (l === 'time' && r === 'time') return 'duration';
      if (l === 'time' && r === 'duration') return 'time';
      break;
    case '/': return isNumber(l) && isNumber(r) ? 'float' : 'unknown';
    case '%': return l === 'int' && r === 'int' ? 'int' : 'unknown';
    case '**': case '^': return isNumber(l) && isNumber(r) ? 'float' : 'unknown';
    default:
  }
  if ((operator === '+' || operator === '-' || operator === '*') && isNumber(l) && isNumber(r)) {
    return l === 'int' && r === 'int' ? 'int' : 'float';
  }
  return 'unknown';
}

function comparable(l: StaticType, r: StaticType): boolean {
  return l === 'unknown' || r === 'unknown' || l === 'nil' || r === 'nil' || (isNumber(l) && isNumber(r)) || l === r;
}

/** Rejects the type errors expr-lang reports at compile time that would otherwise go unnoticed at run time. */
export function checkTypes(root: ExprNode, env: ValueMap, source: string): void {
  const mismatch = (node: ExprNode & { operator: string }, l: StaticType, r: StaticType): never => {
    throw new ExpressionError(`invalid operation: ${node.operator} (mismatched types ${GO_NAMES[l]} and ${GO_NAMES[r]})`, source, node.position);
  };
  const infer = (node: ExprNode, lets: ReadonlyMap<string, StaticType>): StaticType => {
    switch (node.kind) {
      case 'nil': return 'nil';
      case 'bool': return 'bool';
      case 'int': return 'int';
      case 'float': return 'float';
      case 'string': return 'string';
      case 'array': node.items.forEach((item) => infer(item, lets)); return 'array';
      case 'map': node.pairs.forEach((pair) => { infer(pair.key, lets); infer(pair.value, lets); }); return 'map';
      case 'identifier':
        if (lets.has(node.name)) return lets.get(node.name) ?? 'unknown';
        return node.name === '$env' ? 'map' : typeOfValue(getOwn(env, node.name));
      case 'unary': {
        const operand = infer(node.operand, lets);
        if (node.operator === 'not' || node.operator === '!') return 'bool';
        return isNumber(operand) ? operand : 'unknown';
      }
      case 'binary': {
        const l = infer(node.left, lets);
        const r = infer(node.right, lets);
        switch (node.operator) {
          case '==': case '!=':
            if (!comparable(l, r)) mismatch(node, l, r);
            return 'bool';
          case '&&': case '||': case 'and': case 'or':
            if (!((l === 'bool' || l === 'unknown') && (r === 'bool' || r === 'unknown'))) mismatch(node, l, r);
            return 'bool';
          case '<': case '>': case '<=': case '>=': case 'in': case 'matches': case 'contains': case 'startsWith': case 'endsWith':
            return 'bool';
          case '..': return 'array';
          case '??': return 'unknown';
          default: return arithmetic(node.operator, l, r);
        }
      }
      case 'conditional': {
        infer(node.condition, lets);
        const then = infer(node.then, lets);
        return then === infer(node.otherwise, lets) ? then : 'unknown';
      }
      case 'let': {
        const type = infer(node.value, lets);
        return infer(node.body, new Map(lets).set(node.name, type));
      }
      case 'builtin':
        node.args.forEach((arg) => infer(arg, lets));
        if (node.name === 'ceil' || node.name === 'floor' || node.name === 'round') {
          return node.args[0] && isNumber(infer(node.args[0], lets)) ? 'float' : 'unknown';
        }
        if (node.name === 'abs') {
          const type = node.args[0] ? infer(node.args[0], lets) : 'unknown';
          return isNumber(type) ? type : 'unknown';
        }
        return BUILTIN_TYPES[node.name] ?? 'unknown';
      case 'sequence': {
        let last: StaticType = 'unknown';
        for (const item of node.nodes) last = infer(item, lets);
        return last;
      }
      default:
        forEachChild(node, (child) => infer(child, lets));
        return 'unknown';
    }
  };
  infer(root, new Map());
}
