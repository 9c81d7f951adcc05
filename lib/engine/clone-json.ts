/**
 * A deep copy of a JSON-shaped value (plain objects, arrays, primitives), dropping undefined members as JSON does.
 * About twice as fast as structuredClone on a big workflow status, which every reconcile copies. Primitives are
 * copied in place, without a call each: most members of a status are strings.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (Array.isArray(value) ? cloneArray(value) : cloneObject(value as Record<string, unknown>)) as T;
}

function cloneArray(array: unknown[]): unknown[] {
  const copy = new Array<unknown>(array.length);
  for (let index = 0; index < array.length; index++) {
    const item = array[index];
    copy[index] = typeof item !== 'object' || item === null ? item : Array.isArray(item) ? cloneArray(item) : cloneObject(item as Record<string, unknown>);
  }
  return copy;
}

function cloneObject(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in object) {
    const member = object[key];
    if (member === undefined) continue;
    copy[key] = typeof member !== 'object' || member === null ? member : Array.isArray(member) ? cloneArray(member) : cloneObject(member as Record<string, unknown>);
  }
  return copy;
}
