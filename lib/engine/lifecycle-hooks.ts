import { evaluateBool, ExpressionError, toExpressionEnv } from '../expr';
import type { LifecycleHook, NodeStatus } from '../generated/argo';
import { executeTemplate } from './execute-template';
import { NodeError, type Operation, type TemplateScope } from './operation';
import { parameterText } from './parameter-text';
import { isNodeFulfilled } from './phases';
import { markAbsentArguments, type Scope } from './scope';
import { substituteObject } from './substitute';
import { executeUnlessTimedOut } from './template-timeouts';

/**
 * Lifecycle hooks other than `exit` (Argo's executeTmplLifeCycleHook and executeWfLifeCycleHook): each hook whose
 * `expression` holds runs its template once as `<parent>.hooks.<name>`, hung under the parent, flagged `hooked`;
 * once started it keeps running whatever the expression says later. Returns whether every started hook is done.
 */
export function runLifecycleHooks(
  op: Operation,
  hooks: Record<string, LifecycleHook> | undefined,
  parentName: string,
  options: { boundaryID?: string; templateScope: TemplateScope; scope: Scope; ref?: { prefix: 'steps' | 'tasks'; name: string } },
): boolean {
  let done = true;
  for (const [hookName, hook] of Object.entries(hooks ?? {})) {
    if (hookName === 'exit') continue;
    const name = `${parentName}.hooks.${hookName}`;
    if (!hook.expression) throw new NodeError(`Expression required for hook ${name}`);
    const values: Scope = { ...op.globalParams, ...options.scope };
    const parent = op.peekNode(parentName);
    if (options.ref && parent) {
      for (const parameter of op.lastAttempt(parent).outputs?.parameters ?? []) {
        values[`${options.ref.prefix}.${options.ref.name}.outputs.parameters.${parameter.name}`] = parameterText(parameter.value) ?? '';
      }
    }
    let execute: boolean;
    try {
      execute = evaluateBool(hook.expression, toExpressionEnv(values, { now: op.now }));
    } catch (error) {
      throw new NodeError(error instanceof ExpressionError ? error.message : String(error));
    }
    if (!execute && !op.peekNode(name)) continue;
    const args = hook.arguments ? substituteObject(markAbsentArguments({ arguments: hook.arguments }, values).arguments, values, op.now, []) : undefined;
    const node = executeUnlessTimedOut(() =>
      executeTemplate(op, name, { template: hook.template, templateRef: hook.templateRef }, options.templateScope, args, { boundaryID: options.boundaryID }));
    if (node && node.nodeFlag?.hooked !== true) op.own(node).nodeFlag = { ...node.nodeFlag, hooked: true };
    op.addChild(parentName, name);
    if (!node || !isNodeFulfilled(node)) done = false;
  }
  return done;
}

/** Whether a node is a lifecycle hook's (its own children are not steps of the template). */
export function isHookNode(node: NodeStatus): boolean {
  return node.nodeFlag?.hooked === true;
}
