import type { LabelSelector } from '@/lib/generated/argo';

// Kubernetes' LabelSelectorAsSelector: the checks labels.NewRequirement makes on each requirement.

const qualifiedName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomain.test(prefix))) {
    return `invalid label key "${key}": prefix part must be a lowercase DNS subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !qualifiedName.test(name)) {
    return `invalid label key "${key}": name part must be 63 characters or less, alphanumeric, '-', '_' or '.', starting and ending with an alphanumeric character`;
  }
  return undefined;
}

function checkValue(value: string): string | undefined {
  return value.length <= 63 && labelValue.test(value)
    ? undefined
    : `invalid label value "${value}": must be 63 characters or less, alphanumeric, '-', '_' or '.', starting and ending with an alphanumeric character`;
}

/** Why a label selector cannot be turned into a selector, and in which field, or undefined. */
export function checkLabelSelector(selector: LabelSelector): { field: string; message: string } | undefined {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const problem = checkKey(key) ?? checkValue(value);
    if (problem !== undefined) return { field: 'matchLabels', message: problem };
  }
  for (const [index, expression] of (selector.matchExpressions ?? []).entries()) {
    const field = `matchExpressions[${index}]`;
    const values = expression.values ?? [];
    const operator = expression.operator ?? '';
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) {
      return { field: `${field}.operator`, message: `"${operator}" is not a valid label selector operator` };
    }
    const keyProblem = checkKey(expression.key ?? '');
    if (keyProblem !== undefined) return { field: `${field}.key`, message: keyProblem };
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      return { field: `${field}.values`, message: 'for In and NotIn operators, values set cannot be empty' };
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      return { field: `${field}.values`, message: 'values set must be empty for Exists and DoesNotExist' };
    }
    const valueProblem = values.map(checkValue).find((problem) => problem !== undefined);
    if (valueProblem !== undefined) return { field: `${field}.values`, message: valueProblem };
  }
  return undefined;
}
