import { ApiError, GrpcCode } from '../api-error';
import type { Parameter, WorkflowSpec } from '../generated/argo';

/**
 * Overrides `spec.arguments.parameters` with `name=value` pairs as Argo's `overrideParameters`: the passed
 * parameters first, in order, then the existing ones not overridden. Returns the new spec.
 */
export function overrideParameters(spec: WorkflowSpec, parameters: string[] | undefined): WorkflowSpec {
  if (!parameters?.length) return spec;
  const passed: Parameter[] = parameters.map((text) => {
    const at = text.indexOf('=');
    if (at < 0) throw new ApiError(GrpcCode.Internal, `expected parameter of the form: NAME=VALUE. Received: ${text}`);
    return { name: text.slice(0, at), value: text.slice(at + 1) };
  });
  const names = new Set(passed.map((p) => p.name));
  const kept = (spec.arguments?.parameters ?? []).filter((p) => !names.has(p.name));
  return { ...spec, arguments: { ...spec.arguments, parameters: [...passed, ...kept] } };
}
