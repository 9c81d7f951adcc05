import { evaluateBool, evaluateExpression } from '../expr';
import { toValue, type Value, type ValueMap } from '../expr/value';
import type { Workflow, WorkflowEventBinding, WorkflowSpec } from '../generated/argo';
import { withInstanceId } from '../controller/instance-id';

/** What an event carries: where it was sent, its JSON body, and the request's `x-` headers. */
export interface ReceivedEvent {
  namespace: string;
  discriminator: string;
  payload: unknown;
  /** Header name (lower case) → values, only headers starting with `x-`, as Argo's metadata. */
  metadata: Record<string, string[]>;
}

/** The expression environment of Argo's event dispatch: `namespace`, `discriminator`, `metadata`, `payload`. */
export function eventEnvironment(event: ReceivedEvent): ValueMap {
  // Through JSON, as Argo's jsonutil.Jsonify: numbers are floats, objects maps.
  return toValue(JSON.parse(JSON.stringify({
    namespace: event.namespace, discriminator: event.discriminator, metadata: event.metadata, payload: event.payload ?? null,
  }))) as ValueMap;
}

/** The referenced template, as far as building the workflow needs it. */
export interface BoundTemplate {
  name: string;
  clusterScope: boolean;
  labels?: Record<string, string>;
  spec?: Pick<WorkflowSpec, 'workflowMetadata'>;
}

/**
 * Whether the binding's `event.selector` matches the event (Argo's argoexpr.EvalBool); throws with Argo's message
 * when it does not evaluate.
 */
export function bindingMatches(binding: WorkflowEventBinding, env: ValueMap): boolean {
  try {
    return evaluateBool(binding.spec.event.selector, env);
  } catch (error) {
    throw new Error(`failed to evaluate workflow template expression: ${(error as Error).message}`);
  }
}

/**
 * The workflow a matching binding submits, as Argo's dispatch: a `workflowTemplateRef` workflow named after the
 * template, labelled with it and the binding, the template's `workflowMetadata` labels and annotations, the
 * binding's `submit.metadata` (name, generateName, labels, annotations as expressions over the event), and each
 * `submit.arguments` parameter from its `valueFrom.event` expression.
 */
export function workflowForBinding(binding: WorkflowEventBinding, env: ValueMap, template: BoundTemplate, instanceID: string): Workflow {
  const submit = binding.spec.submit!;
  const labels: Record<string, string> = {
    [template.clusterScope ? 'workflows.argoproj.io/cluster-workflow-template' : 'workflows.argoproj.io/workflow-template']: template.name,
    ...(template.spec?.workflowMetadata?.labels ?? {}),
  };
  const annotations: Record<string, string> = { ...(template.spec?.workflowMetadata?.annotations ?? {}) };
  const metadata: Workflow['metadata'] = { generateName: `${template.name}-`, namespace: binding.metadata.namespace };
  const meta = submit.metadata ?? {};
  if (meta.name) metadata.name = stringExpression(meta.name, env, 'name');
  if (meta.generateName) metadata.generateName = stringExpression(meta.generateName, env, 'generateName');
  for (const [key, value] of Object.entries(meta.labels ?? {})) labels[key] = stringExpression(value, env, `label "${key}"`);
  for (const [key, value] of Object.entries(meta.annotations ?? {})) annotations[key] = stringExpression(value, env, `annotation "${key}"`);
  labels['workflows.argoproj.io/workflow-event-binding'] = binding.metadata.name ?? '';
  metadata.labels = withInstanceId(labels, instanceID) ?? {};
  if (Object.keys(annotations).length) metadata.annotations = annotations;

  const parameters = (submit.arguments?.parameters ?? []).map((p) => {
    if (!p.valueFrom) throw new Error(`malformed workflow template parameter "${p.name}": valueFrom is nil`);
    let result: Value;
    try {
      result = evaluateExpression(p.valueFrom.event ?? '', env);
    } catch (error) {
      throw new Error(`failed to evaluate workflow template parameter "${p.name}" expression: ${(error as Error).message}`);
    }
    return { name: p.name, value: parameterValue(result) };
  });
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata,
    spec: {
      workflowTemplateRef: { name: template.name, ...(template.clusterScope ? { clusterScope: true } : {}) },
      ...(parameters.length ? { arguments: { parameters } } : {}),
    },
  } as Workflow;
}

function stringExpression(source: string, env: ValueMap, what: string): string {
  let result: Value;
  try {
    result = evaluateExpression(source, env);
  } catch (error) {
    throw new Error(`failed to evaluate workflow ${what} expression: ${(error as Error).message}`);
  }
  if (typeof result !== 'string') throw new Error(`workflow ${what} expression must evaluate to a string, not a ${typeof result}`);
  return result;
}

// Argo marshals the result to JSON and keeps it as the parameter's value: strings unquoted, the rest as JSON text.
function parameterValue(result: Value): string {
  if (typeof result === 'string') return result;
  if (typeof result === 'bigint') return result.toString();
  return JSON.stringify(result, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}
