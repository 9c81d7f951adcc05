import { ExpressionError } from './expression-error';
import { forEachChild } from './check-names';
import type { ExprNode, NodeOf } from './expr-ast';
import { PREDICATE_BUILTINS } from './expr-grammar';
import { GoDuration, GoTime } from './go-time';
import { findMethod } from './time-methods';
import { getOwn, isValueMap } from './value';
import type { Value, ValueMap } from './value';

// expr-lang type-checks an expression against the environment before running it (checker/checker.go), so a type
// error is reported even on a branch that never runs, and `retries == 0` with a string `retries` fails instead of
// being false. This infers types where expr-lang knows them (literals, top-level environment values, operators and
// builtins with fixed result types) and reports expr-lang's compile errors. Anything uncertain is 'unknown', which
// expr-lang accepts everywhere, so the check never rejects more than expr-lang does.

type StaticType = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'array' | 'map' | 'time' | 'duration' | 'unknown';

const GO_NAMES: Record<StaticType, string> = {
  int: 'int', float: 'float64', string: 'string', bool: 'bool', nil: 'unknown', array: '[]interface {}',
  map: 'map[string]interface {}', time: 'time.Time', duration: 'time.Duration', unknown: 'interface {}',
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

// Builtins whose listed arguments must be strings (their Go signatures take string).
const STRING_ARGS: Record<string, number[]> = {
  upper: [0], lower: [0], trim: [0, 1], trimPrefix: [0, 1], trimSuffix: [0, 1], split: [0, 1], splitAfter: [0, 1],
  replace: [0, 1, 2], repeat: [0], indexOf: [0, 1], lastIndexOf: [0, 1], hasPrefix: [0, 1], hasSuffix: [0, 1],
  fromJSON: [0], toBase64: [0], fromBase64: [0], duration: [0],
};

const BOOLEAN_PREDICATES = new Set(['all', 'any', 'none', 'one', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'count']);

const isNumber = (t: StaticType): boolean => t === 'int' || t === 'float';
const known = (t: StaticType): boolean => t !== 'unknown';

function typeOfValue(value: Value | undefined): StaticType {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'string': return 'string';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'boolean': return 'bool';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof GoTime) return 'time';
  if (value instanceof GoDuration) return 'duration';
  return isValueMap(value) ? 'map' : 'unknown';
}

// The result type of an arithmetic or ordering operator on two known types, or undefined when expr-lang refuses it.
function binaryResult(operator: string, l: StaticType, r: StaticType): StaticType | undefined {
  const numbers = isNumber(l) && isNumber(r);
  const numeric: StaticType = l === 'int' && r === 'int' ? 'int' : 'float';
  switch (operator) {
    case '+':
      if (numbers) return numeric;
      if (l === 'string' && r === 'string') return 'string';
      if ((l === 'time' && r === 'duration') || (l === 'duration' && r === 'time')) return 'time';
      return l === 'duration' && r === 'duration' ? 'duration' : undefined;
    case '-':
      if (numbers) return numeric;
      if (l === 'time') return r === 'time' ? 'duration' : r === 'duration' ? 'time' : undefined;
      return l === 'duration' && r === 'duration' ? 'duration' : undefined;
    case '*':
      if (numbers) return numeric;
      if ((l === 'duration' && (r === 'int' || r === 'duration')) || (l === 'int' && r === 'duration')) return 'duration';
      return (l === 'duration' && r === 'float') || (l === 'float' && r === 'duration') ? 'float' : undefined;
    case '/': case '**': case '^': return numbers ? 'float' : undefined;
    case '%': return l === 'int' && r === 'int' ? 'int' : undefined;
    case '<': case '>': case '<=': case '>=':
      return numbers || (l === r && (l === 'string' || l === 'time' || l === 'duration')) ? 'bool' : undefined;
    case '..': return l === 'int' && r === 'int' ? 'array' : undefined;
    case 'contains': case 'startsWith': case 'endsWith': case 'matches':
      return l === 'string' && r === 'string' ? 'bool' : undefined;
    default: return 'unknown';
  }
}

// With one side of unknown type, expr-lang still refuses a known other side that could never work.
const PARTNERS: Record<string, StaticType[]> = {
  '+': ['int', 'float', 'string', 'time', 'duration'], '-': ['int', 'float', 'time', 'duration'],
  '*': ['int', 'float', 'duration'], '/': ['int', 'float'], '**': ['int', 'float'], '^': ['int', 'float'], '%': ['int'],
  '<': ['int', 'float', 'string', 'time', 'duration'], '>': ['int', 'float', 'string', 'time', 'duration'],
  '<=': ['int', 'float', 'string', 'time', 'duration'], '>=': ['int', 'float', 'string', 'time', 'duration'],
  '..': ['int'], contains: ['string'], startsWith: ['string'], endsWith: ['string'], matches: ['string'],
};

function comparable(l: StaticType, r: StaticType): boolean {
  return !known(l) || !known(r) || l === 'nil' || r === 'nil' || (isNumber(l) && isNumber(r)) || l === r;
}

interface Scope {
  lets: ReadonlyMap<string, StaticType>;
  pointers: readonly string[]; // the pointer names (#index, #acc) the innermost predicate defines
}

/** Rejects what expr-lang's type checker rejects, as far as the types are known. */
export function checkTypes(root: ExprNode, env: ValueMap, source: string): void {
  const error = (reason: string, node: ExprNode): never => {
    throw new ExpressionError(reason, source, node.position);
  };
  const mismatch = (node: NodeOf<'binary'>, l: StaticType, r: StaticType): never =>
    error(`invalid operation: ${node.operator} (mismatched types ${GO_NAMES[l]} and ${GO_NAMES[r]})`, node);

  // Indexing rules of expr-lang's checker: arrays take ints, maps strings, times and durations their methods only.
  const checkIndex = (node: ExprNode, object: StaticType, property: StaticType, name: string | undefined): void => {
    switch (object) {
      case 'array':
        if (known(property) && property !== 'int') error(`array elements can only be selected using an integer (got ${GO_NAMES[property]})`, node);
        return;
      case 'map':
        if (known(property) && property !== 'string') error(`cannot use ${GO_NAMES[property]} to get an element from map[string]interface {}`, node);
        return;
      case 'time': case 'duration':
        if (name !== undefined && !findMethod(object === 'time' ? new GoTime(0n) : new GoDuration(0n), name)) {
          error(`type ${GO_NAMES[object]} has no field ${name}`, node);
        }
        return;
      case 'unknown': return;
      default:
        if (name !== undefined) error(`type ${object === 'nil' ? 'nil' : GO_NAMES[object]} has no field ${name}`, node);
        if (known(property)) error(`type ${GO_NAMES[object]}[${GO_NAMES[property]}] is undefined`, node);
    }
  };

  const binary = (node: NodeOf<'binary'>, scope: Scope): StaticType => {
    const l = infer(node.left, scope);
    const r = infer(node.right, scope);
    switch (node.operator) {
      case '==': case '!=':
        if (!comparable(l, r)) mismatch(node, l, r);
        return 'bool';
      case '&&': case '||': case 'and': case 'or':
        if (!((l === 'bool' || !known(l)) && (r === 'bool' || !known(r)))) mismatch(node, l, r);
        return 'bool';
      case 'in':
        if (r === 'map' && known(l) && l !== 'string') error(`cannot use ${GO_NAMES[l]} as type string in map key`, node);
        // `x in "str"` with x of unknown type compiles (and fails at run time); with x known it does not.
        if (known(r) && r !== 'array' && r !== 'map' && !(r === 'string' && !known(l))) mismatch(node, l, r);
        return 'bool';
      case '??': return 'unknown';
      default: {
        if (!known(l) || !known(r)) {
          const other = known(l) ? l : r;
          if (known(other) && !(PARTNERS[node.operator] ?? [other]).includes(other)) mismatch(node, l, r);
          return ['<', '>', '<=', '>=', 'contains', 'startsWith', 'endsWith', 'matches'].includes(node.operator) ? 'bool'
            : node.operator === '..' ? 'array' : 'unknown';
        }
        return binaryResult(node.operator, l, r) ?? mismatch(node, l, r);
      }
    }
  };

  const builtin = (node: NodeOf<'builtin'>, scope: Scope): StaticType => {
    const predicateKinds = new Set(['predicate']);
    const args = node.args.map((arg) => (predicateKinds.has(arg.kind) ? 'unknown' : infer(arg, scope)));
    const [first = 'unknown'] = args;
    if (Object.hasOwn(PREDICATE_BUILTINS, node.name) && known(first) && first !== 'array') {
      error(`builtin ${node.name} takes only array (got ${GO_NAMES[first]})`, node.args[0] ?? node);
    }
    const predicate = node.args.find((arg) => arg.kind === 'predicate');
    if (predicate?.kind === 'predicate') {
      const pointers = node.name === 'map' ? ['index'] : node.name === 'reduce' ? ['index', 'acc'] : [];
      const result = infer(predicate.body, { ...scope, pointers });
      if (BOOLEAN_PREDICATES.has(node.name) && known(result) && result !== 'bool') {
        error(`predicate should return boolean (got ${GO_NAMES[result]})`, predicate);
      }
    }
    for (const index of STRING_ARGS[node.name] ?? []) {
      const type = args[index];
      const arg = node.args[index];
      if (arg && type && known(type) && type !== 'string') error(`cannot use ${GO_NAMES[type]} as argument (type string) to call ${node.name}`, arg);
    }
    const invalid = (): never => error(`invalid argument for ${node.name} (type ${GO_NAMES[first]})`, node);
    switch (node.name) {
      case 'get': {
        const index = args[1] ?? 'unknown';
        if (known(first) && first !== 'array' && first !== 'map') error(`type ${GO_NAMES[first]} does not support indexing`, node);
        if (first === 'array' && known(index) && index !== 'int') error(`non-integer slice index ${GO_NAMES[index]}`, node);
        if (first === 'map' && known(index) && index !== 'string') error(`cannot use ${GO_NAMES[index]} to get an element from map[string]interface {}`, node);
        break;
      }
      case 'len':
        if (known(first) && !['array', 'map', 'string'].includes(first)) invalid();
        break;
      case 'first': case 'last':
        if (known(first) && first !== 'array') error(`cannot get ${node.name} element from ${GO_NAMES[first]}`, node);
        break;
      case 'abs': case 'ceil': case 'floor': case 'round':
        if (known(first) && !isNumber(first)) invalid();
        return !isNumber(first) ? 'unknown' : node.name === 'abs' ? first : 'float';
      case 'int': case 'float':
        if (known(first) && !isNumber(first) && first !== 'string') invalid();
        break;
      case 'max': case 'min': case 'mean': case 'median':
        for (const type of args) if (known(type) && !isNumber(type) && type !== 'array') error(`invalid argument for ${node.name} (type ${GO_NAMES[type]})`, node);
        break;
      case 'sort':
        if (known(first) && first !== 'array') error(`cannot use ${GO_NAMES[first]} as argument (type []interface {}) to call sort`, node);
        break;
      default:
    }
    return BUILTIN_TYPES[node.name] ?? 'unknown';
  };

  const infer = (node: ExprNode, scope: Scope): StaticType => {
    switch (node.kind) {
      case 'nil': return 'nil';
      case 'bool': return 'bool';
      case 'int': return 'int';
      case 'float': return 'float';
      case 'string': return 'string';
      case 'array': node.items.forEach((item) => infer(item, scope)); return 'array';
      case 'map': node.pairs.forEach((pair) => { infer(pair.key, scope); infer(pair.value, scope); }); return 'map';
      case 'identifier':
        if (scope.lets.has(node.name)) return scope.lets.get(node.name) ?? 'unknown';
        return node.name === '$env' ? 'map' : typeOfValue(getOwn(env, node.name));
      case 'pointer':
        if (node.name !== '' && !scope.pointers.includes(node.name)) error(`unknown pointer #${node.name}`, node);
        return node.name === 'index' ? 'int' : 'unknown';
      case 'unary': {
        const operand = infer(node.operand, scope);
        const logical = node.operator === 'not' || node.operator === '!';
        if (known(operand) && (logical ? operand !== 'bool' : !isNumber(operand))) {
          error(`invalid operation: ${node.operator} (mismatched type ${GO_NAMES[operand]})`, node);
        }
        return logical ? 'bool' : operand;
      }
      case 'binary': return binary(node, scope);
      case 'conditional': {
        const condition = infer(node.condition, scope);
        if (known(condition) && condition !== 'bool') error(`non-bool expression (type ${GO_NAMES[condition]}) used as condition`, node.condition);
        const then = infer(node.then, scope);
        return then === infer(node.otherwise, scope) ? then : 'unknown';
      }
      case 'let': {
        const type = infer(node.value, scope);
        return infer(node.body, { ...scope, lets: new Map(scope.lets).set(node.name, type) });
      }
      case 'builtin': return builtin(node, scope);
      case 'member': {
        const object = infer(node.object, scope);
        const property = infer(node.property, scope);
        const name = node.property.kind === 'string' ? node.property.value : undefined;
        checkIndex(node, object, property, name);
        return 'unknown';
      }
      case 'call': {
        // A function of unknown type (sprig.upper: a map entry) is called without checking its arguments at all.
        if (node.callee.kind === 'member') {
          const object = infer(node.callee.object, scope);
          if (object !== 'time' && object !== 'duration') return 'unknown';
        }
        node.args.forEach((arg) => infer(arg, scope));
        return 'unknown';
      }
      case 'sequence': {
        let last: StaticType = 'unknown';
        for (const item of node.nodes) last = infer(item, scope);
        return last;
      }
      default:
        forEachChild(node, (child) => infer(child, scope));
        return 'unknown';
    }
  };
  infer(root, { lets: new Map(), pointers: [] });
}
