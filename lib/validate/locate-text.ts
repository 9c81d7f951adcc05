import { toFieldPath, toIndexPath } from './json-path';

/**
 * The path of the first string (or map key) under `value` that contains `needle`, to point an issue found in
 * a whole template's JSON at the field it comes from. Falls back to `base`.
 */
export function locateText(value: unknown, needle: string, base: string): string {
  const search = (node: unknown, path: string): string | undefined => {
    if (typeof node === 'string') return node.includes(needle) ? path : undefined;
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) {
        const found = search(item, toIndexPath(path, index));
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (typeof node !== 'object' || node === null) return undefined;
    for (const [key, item] of Object.entries(node)) {
      if (key.includes(needle)) return toFieldPath(path, key);
      const found = search(item, toFieldPath(path, key));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(value, base) ?? base;
}

/** The `{{...}}` a "failed to resolve" message names, to locate it; undefined for other messages. */
export function extractFailedTag(message: string): string | undefined {
  return /^failed to resolve ({{.*}})$/s.exec(message)?.[1];
}
