import { evaluateExpression, ExpressionError, toPlainValue, toValue } from '../expr';
import type { TransformationStep } from '../generated/argo';

/**
 * A data template's transformation, as Argo's processTransformation: each step's `expression` is evaluated with
 * `data` bound to what the step before produced (the source's file list first).
 */
export function transformData(data: unknown, steps: TransformationStep[] | undefined): unknown {
  let current = data;
  for (const [index, step] of (steps ?? []).entries()) {
    if (!step.expression) continue;
    try {
      current = toPlainValue(evaluateExpression(step.expression, { data: toValue(current) }));
    } catch (error) {
      throw new Error(`error processing data step ${index}: ${error instanceof ExpressionError ? error.message : String(error)}`);
    }
  }
  return current;
}
