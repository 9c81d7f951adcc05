// Argo validates templates after substituting every variable it cannot know yet (inputs, pod name, workflow
// name...) with an internal placeholder, then treats placeholders as "fine at runtime" in a few checks.

/** The prefix Argo's placeholders share; a value containing it was unknown at validation time. */
export const placeholderPrefix = '__argo__internal__placeholder-';

/** Hands out Argo-style placeholders, numbered per validation run so results are deterministic. */
export interface PlaceholderSource {
  next(): string;
}

/** A fresh placeholder source. */
export function createPlaceholders(): PlaceholderSource {
  let index = 0;
  return { next: () => `${placeholderPrefix}${index++}` };
}

/** Whether a value is (starts with) a placeholder, as Argo's IsPlaceholder. */
export function isPlaceholder(value: string): boolean {
  return value.startsWith(placeholderPrefix);
}
