import { splitSelector } from '../k8s/label-selector';

/**
 * Argo's resource `successCondition` / `failureCondition`: Kubernetes label-selector syntax whose keys are gjson
 * paths into the resource (`status.succeeded > 0`, `status.phase in (Failed, Error)`, `!status.done`), all
 * requirements ANDed, as argoexec's matchConditions evaluates them.
 */
export interface Requirement {
  key: string;
  operator: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';
  values: string[];
}

/** Parses a condition; throws with the position of what it cannot read. */
export function parseConditions(text: string): Requirement[] {
  const requirements: Requirement[] = [];
  for (const part of splitSelector(text)) {
    const source = part.trim();
    if (!source) continue;
    let match = /^!\s*([^\s!=<>(),]+)$/.exec(source);
    if (match) {
      requirements.push({ key: match[1]!, operator: '!', values: [] });
      continue;
    }
    match = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(source);
    if (match) {
      requirements.push({ key: match[1]!, operator: match[2] as 'in', values: match[3]!.split(',').map((v) => v.trim()).filter(Boolean) });
      continue;
    }
    match = /^([^\s!=<>(),]+)\s*(==|!=|=|>|<)\s*([^\s,()]*)$/.exec(source);
    if (match && (match[3] || (match[2] !== '>' && match[2] !== '<'))) {
      requirements.push({ key: match[1]!, operator: match[2] as '=', values: [match[3]!] });
      continue;
    }
    match = /^([^\s!=<>(),]+)$/.exec(source);
    if (match) {
      requirements.push({ key: match[1]!, operator: 'exists', values: [] });
      continue;
    }
    throw new Error(`unable to parse requirement: "${source}"`);
  }
  return requirements;
}

/** gjson's path lookup for the common forms: dotted keys, numeric indexes, `\.` escapes, `#` for a length. */
export function lookupPath(object: unknown, path: string): { exists: boolean; text: string } {
  const keys = path.split(/(?<!\\)\./).map((k) => k.replaceAll('\\.', '.'));
  let current: unknown = object;
  for (const key of keys) {
    if (Array.isArray(current)) {
      if (key === '#') {
        current = current.length;
        continue;
      }
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { exists: false, text: '' };
      current = current[index];
    } else if (current && typeof current === 'object' && key in current) current = (current as Record<string, unknown>)[key];
    else return { exists: false, text: '' };
  }
  if (current === null || current === undefined) return { exists: false, text: '' };
  return { exists: true, text: typeof current === 'object' ? JSON.stringify(current) : String(current) };
}

function matches(requirement: Requirement, object: unknown): boolean {
  const { exists, text } = lookupPath(object, requirement.key);
  switch (requirement.operator) {
    case '=': case '==': case 'in': return exists && requirement.values.includes(text);
    case '!=': case 'notin': return !exists || !requirement.values.includes(text);
    case 'exists': return exists;
    case '!': return !exists;
    case '>': case '<': {
      if (!exists || !/^-?\d+$/.test(text) || !/^-?\d+$/.test(requirement.values[0] ?? '')) return false;
      const [a, b] = [Number(text), Number(requirement.values[0])];
      return requirement.operator === '>' ? a > b : a < b;
    }
  }
}

const describe = (r: Requirement) =>
  r.operator === 'in' || r.operator === 'notin' ? `${r.key} ${r.operator} (${r.values.join(',')})`
    : r.operator === 'exists' ? r.key : r.operator === '!' ? `!${r.key}` : `${r.key}${r.operator}${r.values[0] ?? ''}`;

/**
 * Where a resource stands against its conditions: `failed` (with Argo's message) when any failure requirement
 * holds, `succeeded` when every success requirement holds (or there are none), else `waiting`.
 */
export function assessConditions(object: unknown, success: Requirement[], failure: Requirement[]):
  { state: 'succeeded' | 'waiting' } | { state: 'failed'; message: string } {
  for (const requirement of failure) {
    if (matches(requirement, object)) return { state: 'failed', message: `failure condition '${describe(requirement)}' evaluated true` };
  }
  return success.every((r) => matches(r, object)) ? { state: 'succeeded' } : { state: 'waiting' };
}
