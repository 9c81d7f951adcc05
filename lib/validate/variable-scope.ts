import type { Template } from '@/lib/generated/argo';
import { getTemplateKind, hasResultOutput } from './template-kind';

/** What one step or task makes available to later ones, as `addOutputsToScope` was told it. */
interface Exposure {
  /** Undefined when the template is only known at runtime: then only the node's own fields are known. */
  template: Template | undefined;
  aggregate: boolean;
  isAncestor: boolean;
}

const nodeFields = new Set(['id', 'startedAt', 'finishedAt', 'hostNodeName']);

function exposes({ template, aggregate, isAncestor }: Exposure, field: string): boolean {
  if (nodeFields.has(field)) return true;
  if (template === undefined) return false;
  if (field === 'outputs.result' || field === 'exitCode') {
    if (hasResultOutput(template)) return true;
    if (!aggregate) return false;
    const kind = getTemplateKind(template);
    return kind === 'Script' || kind === 'ContainerSet';
  }
  if (field === 'ip') return template.daemon === true;
  if (field === 'status') return isAncestor;
  if (field === 'outputs.parameters') return aggregate;
  if (field.startsWith('outputs.parameters.')) return (template.outputs?.parameters ?? []).some((param) => field === `outputs.parameters.${param.name}`);
  if (field.startsWith('outputs.artifacts.')) return (template.outputs?.artifacts ?? []).some((artifact) => field === `outputs.artifacts.${artifact.name}`);
  return false;
}

/**
 * The variables a template's body may use. `steps.<name>.*` and `tasks.<name>.*` are answered from what each step or
 * task exposes (`expose`) instead of being stored as strings: a DAG of thousands of tasks would otherwise build a
 * dozen strings per task, twice, on every validation (which runs on a workflow's first reconcile).
 */
export class VariableScope extends Set<string> {
  private readonly exposures = new Map<string, Exposure[]>();

  /** Makes `<prefix>.<name>.*` available as the step's or task's `template` provides. */
  expose(prefix: 'steps' | 'tasks', name: string, exposure: Exposure): void {
    const key = `${prefix}.${name}`;
    const known = this.exposures.get(key);
    if (known === undefined) this.exposures.set(key, [exposure]);
    else if (!known.some((other) => other.template === exposure.template && other.aggregate === exposure.aggregate && other.isAncestor === exposure.isAncestor)) known.push(exposure);
  }

  override has(key: string): boolean {
    if (super.has(key)) return true;
    if (this.exposures.size === 0 || !(key.startsWith('tasks.') || key.startsWith('steps.'))) return false;
    // Names have no dots (checked before they are exposed), but trying each dot costs little and assumes nothing.
    for (let dot = key.indexOf('.', 6); dot > 0; dot = key.indexOf('.', dot + 1)) {
      const exposures = this.exposures.get(key.slice(0, dot));
      if (exposures === undefined) continue;
      const field = key.slice(dot + 1);
      if (exposures.some((exposure) => exposes(exposure, field))) return true;
    }
    return false;
  }
}
