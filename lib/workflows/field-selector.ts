/** One term of a Kubernetes field selector: `field=value`, `field==value` or `field!=value`. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

const operators = ['!=', '==', '='] as const;

/**
 * Parses a field selector as Kubernetes' `fields.ParseSelector` does: terms separated by unescaped commas,
 * the first operator in each term splits it, and `\,`, `\=` and `\\` escape. Throws on a term without an operator.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const requirements: FieldRequirement[] = [];
  for (const term of splitUnescaped(selector)) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new Error(`invalid selector: '${selector}'; can't understand '${term}'`);
    requirements.push(split);
  }
  return requirements;
}

/** Whether a set of fields satisfies every requirement; a missing field has the empty value. */
export function matchesFields(fields: Record<string, string>, requirements: FieldRequirement[]): boolean {
  return requirements.every(({ field, operator, value }) => ((fields[field] ?? '') === value) === (operator === '='));
}

function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[++i];
    } else if (ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function splitTerm(term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    for (const op of operators) {
      if (term.startsWith(op, i)) {
        return { field: unescape(term.slice(0, i)), operator: op === '!=' ? '!=' : '=', value: unescape(term.slice(i + op.length)) };
      }
    }
  }
  return undefined;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
