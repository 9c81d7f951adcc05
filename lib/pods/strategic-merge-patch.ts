import { parse } from 'yaml';

/**
 * Merge keys of the lists in a PodSpec that Kubernetes' strategic merge patch merges item by item (the
 * `patchMergeKey` tags of core/v1); every other list is replaced whole.
 */
const mergeKeys: Record<string, string> = {
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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeList(base: unknown[], patch: unknown[], key: string): unknown[] {
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
      result[index] = mergeObject(result[index] as Json, item);
    } else {
      result.push(mergeObject({}, item));
    }
  }
  return result;
}

function mergeObject(base: Json, patch: Json): Json {
  if (patch['$patch'] === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return rest;
  }
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    const current = result[key];
    if (value === null) delete result[key];
    else if (Array.isArray(value) && Array.isArray(current) && mergeKeys[key]) result[key] = mergeList(current, value, mergeKeys[key]);
    else if (isObject(value) && isObject(current)) result[key] = mergeObject(current, value);
    else if (isObject(value)) result[key] = mergeObject({}, value);
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
    result = mergeObject(result, patch);
  }
  return result as unknown as T;
}
