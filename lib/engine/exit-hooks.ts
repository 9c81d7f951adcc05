import { evaluateBool, ExpressionError, toExpressionEnv } from '../expr';
import type { LifecycleHook, NodeStatus } from '../generated/argo';
import { executeTemplate } from './execute-template';
import { NodeError, type Operation, type TemplateScope } from './operation';
import { parameterText } from './parameter-text';
import { isFulfilled } from './phases';
import { markAbsentArguments, type Scope } from './scope';
import { substituteObject } from './substitute';
import { executeUnlessTimedOut } from './template-timeouts';

/** A step's or task's exit hook: `hooks.exit`, or the older `onExit` template name. */
export function exitHookOf(holder: { hooks?: Record<string, LifecycleHook>; onExit?: string }): LifecycleHook | undefined {
  return holder.hooks?.['exit'] ?? (holder.onExit ? { template: holder.onExit } : undefined);
}

/**
 * Runs a finished step's or task's exit hook as the node `<node>.onExit`, its arguments resolved with the
 * node's own outputs (Argo's runOnExitNode). Says whether the hook still runs (or waits to start), is done, or
 * there is none to run.
 */
export function runExitHook(
  op: Operation,
  hook: LifecycleHook | undefined,
  parent: NodeStatus,
  boundaryID: string,
  templateScope: TemplateScope,
  ref: { prefix: 'steps' | 'tasks'; name: string },
  scope: Scope,
): 'none' | 'running' | 'done' {
  if (!hook) return 'none';
  const values: Scope = { ...op.globalParams, ...scope };
  const attempt = op.lastAttempt(parent);
  for (const parameter of attempt.outputs?.parameters ?? []) {
    values[`${ref.prefix}.${ref.name}.outputs.parameters.${parameter.name}`] = parameterText(parameter.value) ?? '';
  }
  if (hook.expression) {
    try {
      if (!evaluateBool(hook.expression, toExpressionEnv(values, { now: op.now }))) return 'none';
    } catch (error) {
      throw new NodeError(error instanceof ExpressionError ? error.message : String(error));
    }
  }
  const name = `${parent.name}.onExit`;
  const args = hook.arguments ? substituteObject(markAbsentArguments({ arguments: hook.arguments }, values).arguments, values, op.now, []) : undefined;
  const node = executeUnlessTimedOut(() => executeTemplate(op, name, { template: hook.template, templateRef: hook.templateRef }, templateScope, args, { boundaryID, onExit: true }));
  op.addChild(parent.name, name);
  return node && isFulfilled(node.phase) ? 'done' : 'running';
}
