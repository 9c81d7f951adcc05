import { evaluateExpression, ExpressionError, formatGoValue, toExpressionEnv } from '../expr';
import type { NodeStatus, Outputs, Template } from '../generated/argo';
import { resolveArtifact } from './artifact-arguments';
import { NodeError, type Operation } from './operation';
import { parameterText } from './parameter-text';
import type { Scope } from './scope';
import { substituteStrict } from './substitute';

/** Whether a template declares output parameters or artifacts, the only outputs taken from its children's. */
export function declaresOutputs(template: Template): boolean {
  return !!template.outputs?.parameters?.length || !!template.outputs?.artifacts?.length;
}

/**
 * The outputs a steps or DAG template declares, taken from its children's outputs in scope
 * (`valueFrom.parameter: "{{steps.a.outputs.parameters.x}}"`), as Argo's getTemplateOutputsFromScope.
 */
export function resolveTemplateOutputs(template: Template, scope: Scope, op: Operation): Outputs | undefined {
  const declared = template.outputs;
  if (!declared || !declaresOutputs(template)) return undefined;
  const outputs: Outputs = {};
  if (declared.parameters?.length) {
    outputs.parameters = declared.parameters.map((parameter) => {
      const from = parameter.valueFrom;
      if (!from) throw new NodeError('output parameters must have a valueFrom specified');
      let value: string | undefined;
      try {
        if (from.parameter) value = substituteStrict(from.parameter, { ...op.globalParams, ...scope }, op.now);
        else if (from.expression) value = evaluateOutputExpression(from.expression, { ...op.globalParams, ...scope }, op.now);
      } catch (error) {
        if (!(error instanceof NodeError) || from.default === undefined) throw error;
      }
      value ??= parameterText(from.default);
      if (value === undefined) throw new NodeError(`output parameter "${parameter.name}" has no value`);
      const { valueFrom: _unused, ...rest } = parameter;
      return { ...rest, value };
    });
  }
  const artifacts = (declared.artifacts ?? []).flatMap((artifact) => {
    try {
      const resolved = resolveArtifact(artifact, { ...op.globalParams, ...scope }, op.now);
      if (!resolved) throw new NodeError(`output artifact "${artifact.name}" needs from or fromExpression`);
      return [{ ...resolved, ...(artifact.globalName ? { globalName: artifact.globalName } : {}) }];
    } catch (error) {
      // An optional output whose source produced nothing is left out, as in Argo.
      if (error instanceof NodeError && artifact.optional && error.message.startsWith('Unable to resolve')) return [];
      throw error;
    }
  });
  if (artifacts.length) outputs.artifacts = artifacts;
  return outputs;
}

/** `valueFrom.expression`: evaluated directly, so only the branch taken needs its variables (expr short-circuits). */
function evaluateOutputExpression(expression: string, values: Scope, now: Date): string {
  try {
    const result = evaluateExpression(expression, toExpressionEnv(values, { now }));
    if (result === null) throw new NodeError(`failed to evaluate expression "${expression}"`);
    return formatGoValue(result);
  } catch (error) {
    if (error instanceof ExpressionError) throw new NodeError(error.message);
    throw error;
  }
}

/** Ends a steps or DAG node: its declared outputs from its children's, then Succeeded (Error when they fail). */
export function succeedWithOutputs(op: Operation, node: NodeStatus, template: Template, scope: Scope): NodeStatus {
  try {
    const outputs = resolveTemplateOutputs(template, scope, op);
    if (outputs) op.own(node).outputs = outputs;
  } catch (error) {
    if (error instanceof NodeError) return op.markError(node.name, error.message);
    throw error;
  }
  return op.markPhase(node.name, 'Succeeded');
}
