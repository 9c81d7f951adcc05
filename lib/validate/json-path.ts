// Issue paths read like the manifest: `spec.templates[2].dag.tasks[1].depends`, `metadata.labels["a/b"]`.

const plainKey = /^[A-Za-z0-9_-]+$/;

/** The path of a field or map key below `base`; keys that are not plain words are quoted. */
export function toFieldPath(base: string, key: string): string {
  if (!plainKey.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** The path of a list element below `base`. */
export function toIndexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}
