import type { KubeObject } from '../k8s/object';
import { triggerAnnotation } from './job-ref';
import { type ApiCaller, decideTrigger } from './trigger';

/**
 * A workflow about to be created through Capstan's API, with its trigger recorded in the annotation, so whoever
 * numbers it first (the API or the history indexer that sees it appear) records the same trigger.
 */
export function withRecordedTrigger<T extends KubeObject>(workflow: T, caller: ApiCaller | undefined): T {
  if (!caller) return workflow;
  const trigger = decideTrigger({ ...workflow, metadata: { ...workflow.metadata, annotations: { ...workflow.metadata.annotations, [triggerAnnotation]: '' } } }, { caller });
  return { ...workflow, metadata: { ...workflow.metadata, annotations: { ...workflow.metadata.annotations, [triggerAnnotation]: JSON.stringify(trigger) } } };
}
