/**
 * Argo's `fields` query parameter (util/fields): a comma-separated list of dotted JSON paths to keep, or to drop
 * when the list starts with `-`. Paths match by string prefix, as in Argo, and arrays are transparent, so
 * `items.metadata.name` keeps the name of every item.
 */
export interface FieldCleaner {
  exclude: boolean;
  fields: ReadonlySet<string>;
}

/** Parses a `fields` parameter; an empty one keeps everything. */
export function parseFields(text: string | undefined): FieldCleaner {
  if (!text) return { exclude: false, fields: new Set() };
  const exclude = text.startsWith('-');
  return { exclude, fields: new Set((exclude ? text.slice(1) : text).split(',')) };
}

/** The cleaner with `prefix` removed from the front of every path (Argo's `WithoutPrefix`). */
export function withoutPrefix(cleaner: FieldCleaner, prefix: string): FieldCleaner {
  return { exclude: cleaner.exclude, fields: new Set([...cleaner.fields].map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f))) };
}

/** Whether cleaning would drop `path` (Argo's `WillExclude`), used to skip work such as loading nodes. */
export function willExclude(cleaner: FieldCleaner, path: string): boolean {
  if (cleaner.fields.size === 0) return false;
  const matches = [...cleaner.fields].some((f) => path.startsWith(f) || f.startsWith(path));
  return matches ? cleaner.exclude : !cleaner.exclude;
}

/** A copy of `value` with only the selected fields (or without the excluded ones); `value` itself when no fields are given. */
export function cleanFields<T>(cleaner: FieldCleaner, value: T): T {
  if (cleaner.fields.size === 0) return value;
  const copy = structuredClone(value);
  cleanItem(cleaner, [], copy);
  return copy;
}

function cleanItem(cleaner: FieldCleaner, path: string[], item: unknown): void {
  if (Array.isArray(item)) {
    for (const element of item) cleanItem(cleaner, path, element);
    return;
  }
  if (typeof item !== 'object' || item === null) return;
  const record = item as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const fieldPath = [...path, key].join('.');
    const pathIn = cleaner.fields.has(fieldPath);
    const parentPathIn = pathIn || [...cleaner.fields].some((f) => f.startsWith(fieldPath));
    if ((cleaner.exclude && !pathIn) || (!cleaner.exclude && parentPathIn)) {
      if (!pathIn) cleanItem(cleaner, [...path, key], record[key]);
    } else {
      delete record[key];
    }
  }
}
