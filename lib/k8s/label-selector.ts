/** One requirement of a Kubernetes label selector. */
export interface LabelRequirement {
  key: string;
  operator: '=' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

/** Splits a selector into its requirements: on commas that are not inside parentheses. */
export function splitSelector(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

/** Parses `a=b,c!=d,e in (x,y),f notin (z),g,!h` into requirements; throws on malformed input. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const raw of splitSelector(selector)) {
    const part = raw.trim();
    let match: RegExpMatchArray | null;
    if ((match = part.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      requirements.push({ key: match[1]!, operator: match[2] as 'in' | 'notin', values: match[3]!.split(',').map((v) => v.trim()) });
    } else if ((match = part.match(/^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/))) {
      requirements.push({ key: match[1]!, operator: match[2] === '!=' ? '!=' : '=', values: [match[3]!] });
    } else if ((match = part.match(/^!\s*(\S+)$/))) {
      requirements.push({ key: match[1]!, operator: '!', values: [] });
    } else if ((match = part.match(/^([^!=\s()]+)$/))) {
      requirements.push({ key: match[1]!, operator: 'exists', values: [] });
    } else {
      throw new Error(`unable to parse requirement "${part}" in label selector "${selector}"`);
    }
  }
  return requirements;
}

/** Whether a set of labels satisfies every requirement. */
/** Whether `selector` parses (an empty one does): a cache answers those, and leaves a bad one to its store's error. */
export function isParsableLabelSelector(selector: string | undefined): boolean {
  if (!selector) return true;
  try {
    parseLabelSelector(selector);
    return true;
  } catch {
    return false;
  }
}

export function matchesLabels(labels: Record<string, string> | undefined, requirements: LabelRequirement[]): boolean {
  const have = labels ?? {};
  return requirements.every(({ key, operator, values }) => {
    const value = have[key];
    switch (operator) {
      case '=': return value === values[0];
      case '!=': return value !== values[0];
      case 'in': return value !== undefined && values.includes(value);
      case 'notin': return value === undefined || !values.includes(value);
      case 'exists': return value !== undefined;
      case '!': return value === undefined;
    }
  });
}

/** A metav1.LabelSelector object (`matchLabels`, `matchExpressions`). */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * A metav1.LabelSelector as requirements (`LabelSelectorAsSelector`); none or empty matches everything. Throws on an
 * operator other than In, NotIn, Exists, DoesNotExist, naming `where`.
 */
export function fromLabelSelectorObject(selector: LabelSelectorObject | undefined, where: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => ({ key, operator: '=', values: [value] }));
  const operators: Record<string, LabelRequirement['operator']> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  for (const e of selector?.matchExpressions ?? []) {
    const operator = operators[e.operator];
    if (!operator) throw new Error(`${where}: "${e.operator}" is not a valid label selector operator`);
    requirements.push({ key: e.key, operator, values: e.values ?? [] });
  }
  return requirements;
}
