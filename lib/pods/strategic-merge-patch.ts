import { parse } from 'yaml';

/**
 * Merge keys of the lists in a PodSpec that Kubernetes' strategic merge patch merges item by item (the
 * `patchMergeKey` tags of core/v1); every other list is replaced whole.
 */
export const podSpecMergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  resourceClaims: 'name',
  schedulingGates: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
};

export type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeList(base: unknown[], patch: unknown[], key: string, keys: Record<string, string>): unknown[] {
  const result = [...base];
  for (const item of patch) {
    if (!isObject(item) || !(key in item)) {
      result.push(item);
      continue;
    }
    const index = result.findIndex((b) => isObject(b) && b[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeObject(result[index] as Json, item, keys);
    } else {
      result.push(mergeObject({}, item, keys));
    }
  }
  return result;
}

/**
 * Kubernetes' strategic merge patch of one JSON object onto another: lists named in `keys` merge item by item on
 * their key, other lists are replaced, `null` deletes, `$patch: replace|delete` are honoured.
 */
export function strategicMerge(base: Json, patch: Json, keys: Record<string, string>): Json {
  return mergeObject(base, patch, keys);
}

function mergeObject(base: Json, patch: Json, keys: Record<string, string>): Json {
  if (patch['$patch'] === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return rest;
  }
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    const current = result[key];
    if (value === null) delete result[key];
    else if (Array.isArray(value) && Array.isArray(current) && keys[key]) result[key] = mergeList(current, value, keys[key], keys);
    else if (isObject(value) && isObject(current)) result[key] = mergeObject(current, value, keys);
    else if (isObject(value)) result[key] = mergeObject({}, value, keys);
    else result[key] = value;
  }
  return result;
}

/**
 * Applies podSpecPatch texts (YAML or JSON) to a pod spec in order, as a strategic merge patch the way Argo's
 * ApplyPodSpecPatch does: containers, volumes, env and the other keyed lists merge by their key, `null` deletes,
 * `$patch: replace` and `$patch: delete` are honoured. Throws on a patch that is not a mapping.
 */
export function applyPodSpecPatches<T extends object>(spec: T, patches: string[]): T {
  let result = spec as unknown as Json;
  for (const text of patches) {
    let patch: unknown;
    try {
      patch = parse(text);
    } catch (error) {
      throw new Error(`Failed to convert the PodSpecPatch yaml to json: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isObject(patch)) throw new Error(`invalid podSpecPatch "${text}": not a PodSpec`);
    result = mergeObject(result, patch, podSpecMergeKeys);
  }
  return result as unknown as T;
}
