/** An argument or parameter value as text: Argo's AnyString accepts numbers and booleans too. */
export function parameterText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
