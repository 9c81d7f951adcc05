import { lookupPath } from './resource-conditions';

/** kubectl's `-o jsonpath={.a.b[0]}` for plain paths: the value's text, objects as JSON. */
export function readJsonPath(object: unknown, path: string): string {
  const inner = path.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  if (!inner.startsWith('.')) throw new Error(`unsupported jsonPath ${path}: use a path like {.metadata.name}`);
  const dotted = inner.slice(1).replace(/\[(\d+)\]/g, '.$1');
  const found = lookupPath(object, dotted);
  return found.exists ? found.text : '';
}

/** `jq -rc <filter>` for plain paths (`.metadata.name`, `.items[0]`, `.`): raw strings, compact JSON otherwise. */
export function readJqFilter(object: unknown, filter: string): string {
  const trimmed = filter.trim();
  if (trimmed === '.') return JSON.stringify(object);
  if (!/^(\.[A-Za-z0-9_-]+|\[\d+\])+$/.test(trimmed.replace(/^\./, '.').replace(/\.\[/g, '['))) {
    throw new Error(`unsupported jqFilter ${filter}: Capstan reads plain paths like .metadata.name`);
  }
  const dotted = trimmed.slice(1).replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  const found = lookupPath(object, dotted);
  return found.exists ? found.text : 'null';
}

/** The output parameters of a resource template, read from the resource as argoexec does. */
export function resourceOutputParameters(
  parameters: { name: string; valueFrom?: { jsonPath?: string; jqFilter?: string; default?: unknown } }[] | undefined,
  object: unknown,
): { name: string; value: string }[] {
  const values: { name: string; value: string }[] = [];
  for (const parameter of parameters ?? []) {
    const from = parameter.valueFrom;
    if (from?.jsonPath) values.push({ name: parameter.name, value: readJsonPath(object, from.jsonPath) });
    else if (from?.jqFilter) values.push({ name: parameter.name, value: readJqFilter(object, from.jqFilter) });
  }
  return values;
}
