import { evaluateWhen } from '../expr';
import { NodeError } from './operation';

/** Evaluates an already-substituted `when` like Argo's shouldExecute; an invalid condition is a node error. */
export function shouldExecute(when: string | undefined): boolean {
  if (!when) return true;
  const result = evaluateWhen(when);
  if (!result.ok) throw new NodeError(`Invalid 'when' expression '${when}': ${result.error.message}`);
  return result.value;
}
