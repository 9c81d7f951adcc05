import { fail } from './expression-error';
import { toIntValue, toFloatValue } from './builtins-text';
import { fromGoJson, toGoJson } from './go-json';
import { toGoTime } from './go-time';
import type { GoTime } from './go-time';
import { queryJsonPath } from './jsonpath';
import { createSprigFunctions } from './sprig';
import { getOwn, isValueMap, setOwn } from './value';
import type { ExprFunction, Value, ValueMap } from './value';

// Argo's expression environment (util/expr/env.GetFuncMap): the flat "dotted" variables expanded into nested maps,
// plus asInt, asFloat, jsonpath, toJson and the sprig namespace.

/**
 * Expands flat dotted keys into nested maps: {"inputs.parameters.x": "1"} becomes {inputs: {parameters: {x: "1"}}}.
 * A key that also has children ({"item": ..., "item.a": ...}) is dropped in favour of the children, as Argo does.
 */
export function expandDottedKeys(values: Readonly<Record<string, Value>>): ValueMap {
  const keys = Object.keys(values);
  // Argo removes a key when another key extends it with "."; checking every key (not just sorted neighbours, which
  // is what Argo does) gives the same answer except where Argo's order-dependent merge would pick at random.
  const parents = new Set<string>();
  for (const key of keys) {
    for (let dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) parents.add(key.slice(0, dot));
  }
  const root: ValueMap = {};
  for (const key of keys.filter((k) => !parents.has(k))) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = getOwn(node, part);
      if (!isValueMap(child)) {
        child = {};
        setOwn(node, part, child);
      }
      node = child;
    }
    setOwn(node, parts[parts.length - 1] ?? '', values[key] ?? null);
  }
  return root;
}

function unaryFunction(name: string, body: (value: Value) => Value): ExprFunction {
  return (...args) => {
    if (args.length !== 1) return fail(`invalid number of arguments for ${name} (expected 1, got ${args.length})`);
    return body(args[0] ?? null);
  };
}

/** Options for building an expression environment. */
export interface ExpressionEnvOptions {
  /** The clock for sprig's date functions; without it they fail rather than read the system clock. */
  now?: Date | GoTime;
}

/** Builds Argo's expression environment from flat dotted variables (as GetFuncMap does). */
export function toExpressionEnv(values: Readonly<Record<string, Value>>, options: ExpressionEnvOptions = {}): ValueMap {
  const env = expandDottedKeys(values);
  const now = options.now instanceof Date ? toGoTime(options.now) : options.now;
  setOwn(env, 'asInt', unaryFunction('asInt', toIntValue));
  setOwn(env, 'asFloat', unaryFunction('asFloat', toFloatValue));
  setOwn(env, 'toJson', unaryFunction('toJson', (value) => toGoJson(value)));
  setOwn(env, 'jsonpath', (...args: Value[]): Value => {
    const [json, path] = args;
    if (args.length !== 2 || typeof json !== 'string' || typeof path !== 'string') {
      return fail('jsonpath takes a JSON string and a path string');
    }
    return queryJsonPath(path, fromGoJson(json));
  });
  setOwn(env, 'sprig', createSprigFunctions(now));
  return env;
}
