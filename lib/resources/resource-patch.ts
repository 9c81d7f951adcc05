/** RFC 7386 JSON merge patch (kubectl patch --type merge, and strategic merge for kinds without a schema). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test' | 'copy' | 'move';
  path: string;
  value?: unknown;
  from?: string;
}

const pointer = (path: string) => path.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));

/** RFC 6902 JSON patch (kubectl patch --type json): add, remove, replace and test. */
export function applyJsonPatch(target: unknown, operations: JsonPatchOperation[]): unknown {
  const root = structuredClone(target) as Record<string, unknown>;
  for (const operation of operations) {
    const keys = pointer(operation.path);
    const last = keys.pop();
    if (last === undefined) throw new Error(`invalid JSON patch path ${operation.path}`);
    let parent: unknown = root;
    for (const key of keys) {
      parent = Array.isArray(parent) ? parent[Number(key)] : (parent as Record<string, unknown> | undefined)?.[key];
      if (parent === undefined) throw new Error(`JSON patch path ${operation.path} not found`);
    }
    const container = parent as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) {
      const index = last === '-' ? container.length : Number(last);
      if (operation.op === 'add') container.splice(index, 0, operation.value);
      else if (operation.op === 'remove') container.splice(index, 1);
      else if (operation.op === 'replace') container[index] = operation.value;
      else if (operation.op === 'test' && JSON.stringify(container[index]) !== JSON.stringify(operation.value)) throw new Error(`JSON patch test failed at ${operation.path}`);
    } else if (operation.op === 'add' || operation.op === 'replace') container[last] = operation.value;
    else if (operation.op === 'remove') delete container[last];
    else if (operation.op === 'test' && JSON.stringify(container[last]) !== JSON.stringify(operation.value)) throw new Error(`JSON patch test failed at ${operation.path}`);
    else if (operation.op !== 'test') throw new Error(`JSON patch operation ${operation.op} is not supported`);
  }
  return root;
}
