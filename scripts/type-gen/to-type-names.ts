/**
 * The naming rule, applied to the whole set of definitions at once so the result never depends on
 * input order:
 *
 * 1. A definition's short name is the last dotted segment of its full name; the rest is its namespace.
 * 2. Per short name, the definition whose namespace ranks best in `namespaceRanks` (Argo Workflows, then
 *    Kubernetes core/v1, then meta/v1) gets the bare short name. If no ranked namespace holds it and
 *    several unranked ones do, none of them gets the bare name.
 * 3. Everyone else is prefixed with the PascalCase of the namespace's last two segments
 *    (`io.k8s.apimachinery.pkg.apis.meta.v1.Time` -> `MetaV1Time`, `eventsource.LogEntry` ->
 *    `EventsourceLogEntry`). While that is still taken, more segments are added; names are handed out
 *    in order of full name, so `a.x.v1.Foo` gets `XV1Foo` before `b.x.v1.Foo` gets `BXV1Foo`.
 * 4. ECMAScript built-ins and TypeScript utility types (`Error`, `Record`, ...) are never used bare,
 *    because an exported `Error` would silently shadow the global in every file importing it.
 *
 * 5. A stream result is named after what it carries: `<carried type's name>StreamResult`.
 *
 * So Argo Workflows' own types always keep their short names; a new definition elsewhere can at worst
 * rename a non-Argo type, and only when it takes a short name already in use.
 */

import type { Definition } from './json-schema';

const namespaceRanks = ['io.argoproj.workflow.v1alpha1', 'io.k8s.api.core.v1', 'io.k8s.apimachinery.pkg.apis.meta.v1'];

const reservedNames = new Set([
  'Array', 'ArrayBuffer', 'Awaited', 'BigInt', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'Exclude',
  'Extract', 'Function', 'Infinity', 'InstanceType', 'Intl', 'JSON', 'Map', 'Math', 'NaN', 'NonNullable', 'Number',
  'Object', 'Omit', 'Parameters', 'Partial', 'Pick', 'Promise', 'Proxy', 'RangeError', 'Readonly', 'Record',
  'ReferenceError', 'Reflect', 'RegExp', 'Required', 'ReturnType', 'Set', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'WeakMap', 'WeakSet',
]);

/** Splits `a.b.C` into its namespace `a.b` and short name `C`. */
export function splitDefinitionName(name: string): { namespace: string; shortName: string } {
  const dot = name.lastIndexOf('.');
  return { namespace: dot < 0 ? '' : name.slice(0, dot), shortName: name.slice(dot + 1) };
}

/** `argo_events` -> `ArgoEvents`, `v1alpha1` -> `V1alpha1`. */
export function toPascalCase(segment: string): string {
  return segment
    .split(/[_-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function rankOf(namespace: string): number {
  const rank = namespaceRanks.indexOf(namespace);
  return rank < 0 ? namespaceRanks.length : rank;
}

/** Picks the definition that may use the bare short name, or none (see rule 2). */
function pickBareOwner(names: string[]): string | undefined {
  const ranked = names.map((name) => ({ name, rank: rankOf(splitDefinitionName(name).namespace) }));
  const best = Math.min(...ranked.map(({ rank }) => rank));
  const owners = ranked.filter(({ rank }) => rank === best);
  if (owners.length > 1 && best === namespaceRanks.length) return undefined;
  return owners[0]?.name;
}

function toPrefixedName(name: string, taken: Set<string>): string {
  const { namespace, shortName } = splitDefinitionName(name);
  const segments = namespace === '' ? [] : namespace.split('.');
  for (let count = Math.min(2, segments.length); count <= segments.length && count > 0; count++) {
    const candidate = segments.slice(-count).map(toPascalCase).join('') + shortName;
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error(`cannot give ${name} a unique TypeScript name: its namespace does not disambiguate it`);
}

/** Maps every full definition name to a unique, readable TypeScript name (rules above). */
export function toTypeNames(definitionNames: readonly string[]): Map<string, string> {
  const byShortName = new Map<string, string[]>();
  for (const name of [...new Set(definitionNames)].sort()) {
    const { shortName } = splitDefinitionName(name);
    byShortName.set(shortName, [...(byShortName.get(shortName) ?? []), name]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const [shortName, names] of byShortName) {
    const owner = reservedNames.has(shortName) ? undefined : pickBareOwner(names);
    if (owner === undefined) continue;
    result.set(owner, shortName);
    taken.add(shortName);
  }
  for (const names of byShortName.values()) {
    for (const name of names.filter((n) => !result.has(n))) {
      const prefixed = toPrefixedName(name, taken);
      result.set(name, prefixed);
      taken.add(prefixed);
    }
  }
  return result;
}

/** Names every definition (rules above), stream results after the type of their messages. */
export function toDefinitionTypeNames(definitions: readonly Definition[]): Map<string, string> {
  const names = toTypeNames(definitions.filter((d) => d.streamOf === undefined).map((d) => d.name));
  const taken = new Set(names.values());
  for (const { name, streamOf } of definitions) {
    if (streamOf === undefined) continue;
    const carried = names.get(streamOf);
    if (carried === undefined) throw new Error(`${name} carries ${streamOf}, which has no definition`);
    const streamName = `${carried}StreamResult`;
    if (taken.has(streamName)) throw new Error(`${name} would be named ${streamName}, which is taken`);
    names.set(name, streamName);
    taken.add(streamName);
  }
  return names;
}
