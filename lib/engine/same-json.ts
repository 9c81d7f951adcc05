/**
 * Whether two JSON-shaped values are equal as JSON: same arrays in the same order, same object members whatever
 * their order, and a member set to undefined the same as a missing one (JSON.stringify drops both). Cheaper
 * than comparing two serialisations of a big status, and it stops at the first difference.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  return Array.isArray(a) ? isSameArray(a, b as unknown[]) : isSameObject(a as Record<string, unknown>, b as Record<string, unknown>);
}

// Members are compared in place when they are primitives, without a call each: most members of a status are strings.

function isSameArray(left: unknown[], right: unknown[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) {
    const item = left[index];
    if (item !== right[index] && (typeof item !== 'object' || !isSameJson(item, right[index]))) return false;
  }
  return true;
}

function isSameObject(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in left) {
    const member = left[key];
    if (member === undefined) continue;
    count++;
    if (member !== right[key] && (typeof member !== 'object' || !isSameJson(member, right[key]))) return false;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}
