import { execSpecOf } from '../workflows/exec-spec';
import type { Template, Workflow } from '../generated/argo';
import type { BuildPodInput } from './build-pod';
import type { ExecutorSettings } from './executor-containers';

/**
 * Everything buildPod needs that lives on the Workflow rather than in the engine's createPod action: the spec it
 * runs, the node's name and boundary, whether its stdout is referenced, its deadline (as Argo's newPodBuilder).
 */
export function toBuildPodInput(
  workflow: Workflow,
  pod: { nodeId: string; podName: string; template: Template },
  executor: ExecutorSettings,
  now: Date,
): BuildPodInput {
  const status = workflow.status ?? {};
  const spec = execSpecOf(workflow);
  const node = status.nodes?.[pod.nodeId];
  const nodeName = node?.name ?? pod.nodeId;
  const boundaryNode = node?.boundaryID ? status.nodes?.[node.boundaryID] : undefined;
  const boundaryTemplate = boundaryNode?.templateName ? spec.templates?.find((t) => t.name === boundaryNode.templateName) : undefined;
  return {
    workflow: {
      name: workflow.metadata.name ?? '',
      namespace: workflow.metadata.namespace ?? '',
      uid: workflow.metadata.uid ?? '',
      spec,
      persistentVolumeClaims: status.persistentVolumeClaims,
      deadline: toWorkflowDeadline(spec.activeDeadlineSeconds, status.startedAt),
    },
    nodeId: pod.nodeId,
    nodeName,
    podName: pod.podName,
    template: pod.template,
    ...(boundaryTemplate ? { boundaryTemplate } : {}),
    executor,
    includeScriptOutput: includesScriptOutput(nodeName, boundaryTemplate, boundaryNode !== undefined),
    onExitPod: /\.onExit($|[.[(])/.test(nodeName.slice((workflow.metadata.name ?? '').length)),
    now,
  };
}

/** The workflow's deadline: its start (to the second) plus spec.activeDeadlineSeconds (getWorkflowDeadline). */
export function toWorkflowDeadline(activeDeadlineSeconds: number | undefined, startedAt: string | undefined): Date | undefined {
  if (activeDeadlineSeconds === undefined || !startedAt) return undefined;
  const start = Math.floor(new Date(startedAt).getTime() / 1000) * 1000;
  return new Date(start + activeDeadlineSeconds * 1000);
}

/**
 * Whether some step or task of the boundary template reads this node's `outputs.result`, so the wait container
 * must capture main's stdout (includeScriptOutput / hasOutputResultRef). A boundary template Capstan cannot see
 * (one from a templateRef) counts as reading it.
 */
export function includesScriptOutput(nodeName: string, boundaryTemplate: Template | undefined, hasBoundary: boolean): boolean {
  if (!hasBoundary) return false;
  if (!boundaryTemplate) return true;
  const name = toStepOrTaskName(nodeName);
  const references = resultReferencesOf(boundaryTemplate);
  if (plainName.test(name)) return references.names.has(name);
  const escaped = escapeRegExp(name);
  return new RegExp(`${references.prefix}\\.${escaped}\\.outputs\\.result`).test(references.text)
    || new RegExp(`${references.prefix}\\[['"]${escaped}['"]\\]\\.outputs.result`).test(references.text);
}

// Step and task names as Argo allows them; any other name is looked for in the template's text itself.
const plainName = /^[-\w]+$/;

interface ResultReferences {
  prefix: string;
  text: string;
  /** The plain names whose result the template reads (`tasks.NAME.outputs.result`, `steps['NAME'].outputs.result`). */
  names: Set<string>;
}

// A wide DAG's pods share one boundary template: reading its text once, not once per pod (a 2,000-task DAG's is about
// 100 KB, and stringifying and searching it for each of its 2,000 pods took seconds of CPU).
const resultReferences = new WeakMap<Template, ResultReferences>();

function resultReferencesOf(template: Template): ResultReferences {
  const known = resultReferences.get(template);
  if (known) return known;
  const prefix = template.dag ? 'tasks' : template.steps ? 'steps' : '';
  const text = JSON.stringify(template);
  const names = new Set<string>();
  // The same patterns as for any other name, with the name captured: NAME holds no dot, so matches never overlap.
  const pattern = new RegExp(`${prefix}(?:\\.([-\\w]+)\\.outputs\\.result|\\[['"]([-\\w]+)['"]\\]\\.outputs.result)`, 'g');
  for (const match of text.matchAll(pattern)) names.add(match[1] ?? match[2]!);
  const references = { prefix, text, names };
  resultReferences.set(template, references);
  return references;
}

/** The step or task name in a node name: the part after the last dot, without loop and retry suffixes. */
export function toStepOrTaskName(nodeName: string): string {
  let end = nodeName.length;
  let opener = '';
  for (let i = nodeName.length - 1; i >= 0; i--) {
    const char = nodeName[i];
    if (char === opener) opener = '';
    else if (opener) continue;
    else if (char === ')') opener = '(';
    else if (char === ']') opener = '[';
    else {
      end = i + 1;
      break;
    }
  }
  const trimmed = nodeName.slice(0, end);
  return trimmed.slice(trimmed.lastIndexOf('.') + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
