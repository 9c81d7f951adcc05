import { ExpressionError, substituteTemplate } from '../expr';
import { NodeError } from './operation';

/**
 * Substitutes `{{...}}` tags throughout a JSON-shaped value, as Argo does on a marshalled template.
 * `strict` lists variable prefixes that must resolve (e.g. `steps`, `tasks`); other unknown tags stay.
 */
export function substituteObject<T>(value: T, values: Record<string, string | null>, now: Date, strict?: string[]): T {
  const text = JSON.stringify(value);
  if (!text.includes('{{')) return value;
  try {
    const replaced = substituteTemplate(text, values, {
      unresolved: 'keep',
      escape: 'json',
      now,
      ...(strict ? { strictPrefixes: strict } : {}),
    });
    return JSON.parse(replaced) as T;
  } catch (error) {
    if (error instanceof ExpressionError) throw new NodeError(error.message);
    throw error;
  }
}

/** Substitutes tags in one string; every tag must resolve. */
export function substituteStrict(text: string, values: Record<string, string | null>, now: Date): string {
  try {
    return substituteTemplate(text, values, { unresolved: 'error', now });
  } catch (error) {
    if (error instanceof ExpressionError) throw new NodeError(error.message);
    throw error;
  }
}
