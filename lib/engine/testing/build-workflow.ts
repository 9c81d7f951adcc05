import { parse } from 'yaml';
import type { Workflow } from '../../generated/argo';

/** A Workflow from YAML, named `name` (tests need stable names for stable node IDs). */
export function workflowFromYaml(yaml: string, name = 'wf'): Workflow {
  const workflow = parse(yaml) as Workflow;
  workflow.metadata = { ...workflow.metadata, name, namespace: workflow.metadata?.namespace ?? 'argo', uid: 'uid-1' };
  return workflow;
}
