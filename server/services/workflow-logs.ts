import { ApiError, GrpcCode, invalidArgument } from '@/lib/api-error';
import { toPodName } from '@/lib/engine/node-names';
import { isCompleted } from '@/lib/engine/phases';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { ClusterPort } from '../cluster/cluster-port';
import type { PodExecutor, PodLogOptions } from '../controller/pod-executor';
import { type LabelRequirement, matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import { execSpecOf } from '@/lib/workflows/exec-spec';
import { StreamMerger } from './merge-streams';
import { findWorkflow } from './workflow-service';

export interface LogQuery extends PodLogOptions {
  /** Only this pod (its name, or its node ID). */
  podName?: string;
  /** Only lines matching this regular expression, as `argo logs --grep`. */
  grep?: string;
  /** Only pods matching this label selector, as `argo logs --selector`. */
  selector?: string;
  /** Prefix each line with its RFC 3339 time and a space, as Kubernetes' `timestamps` log option. */
  timestamps?: boolean;
}

/** One message of argo-server's log stream. */
export interface LogEntryMessage {
  result: { content: string; podName: string };
}

function podsOf(workflow: Workflow): { node: NodeStatus; podName: string }[] {
  const name = workflow.metadata.name ?? '';
  return Object.values(workflow.status?.nodes ?? {})
    .filter((n) => n.type === 'Pod')
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''))
    .map((node) => ({ node, podName: toPodName(name, node.name, node.templateName ?? '') }));
}

/**
 * The logs of a workflow's pods as argo-server streams them (`{"result":{"content","podName"}}` per line). With
 * `follow`, pods that start later join the stream, which ends when the workflow has ended and its pods are read.
 */
export async function* streamWorkflowLogs(
  cluster: ClusterPort,
  executor: PodExecutor | undefined,
  namespace: string,
  name: string,
  query: LogQuery,
  signal: AbortSignal,
): AsyncIterable<LogEntryMessage> {
  if (!executor) throw new ApiError(GrpcCode.Unavailable, 'logs are not available: no controller runs pods in this process');
  let grep: RegExp | undefined;
  try {
    grep = query.grep ? new RegExp(query.grep) : undefined;
  } catch (error) {
    throw invalidArgument(`grep: ${(error as Error).message}`);
  }
  let workflow: Workflow = await findWorkflow(cluster, namespace, name);
  const workflowName = workflow.metadata.name ?? name;
  const ref = { namespace, name: workflowName, uid: workflow.metadata.uid ?? '' };
  let selector: LabelRequirement[] = [];
  try {
    selector = parseLabelSelector(query.selector ?? '');
  } catch (error) {
    throw invalidArgument(`selector: ${(error as Error).message}`);
  }
  // The pod's labels: the cluster's pod where the executor has it, else the labels Argo would give it.
  const labelsOf = (node: NodeStatus) => executor.podLabels?.(ref, node.id) ?? {
    'workflows.argoproj.io/workflow': workflowName,
    ...(execSpecOf(workflow).templates?.find((t) => t.name === node.templateName)?.metadata?.labels ?? {}),
  };
  const wanted = (pod: { node: NodeStatus; podName: string }) =>
    (!query.podName || query.podName === pod.podName || query.podName === pod.node.id) && (!selector.length || matchesLabels(labelsOf(pod.node), selector));
  const options: PodLogOptions = { container: query.container, follow: query.follow, sinceSeconds: query.sinceSeconds, tailLines: query.tailLines };
  const toMessages = async function* (pod: { node: NodeStatus; podName: string }): AsyncIterable<LogEntryMessage> {
    for await (const { line, time } of executor.logs(ref, { nodeId: pod.node.id, podName: pod.podName }, options, signal)) {
      if (!grep || grep.test(line)) yield { result: { content: query.timestamps ? `${time} ${line}` : line, podName: pod.podName } };
    }
  };

  if (!query.follow) {
    for (const pod of podsOf(workflow).filter(wanted)) yield* toMessages(pod);
    return;
  }
  const merger = new StreamMerger<LogEntryMessage>(signal);
  const started = new Set<string>();
  const addNewPods = () => {
    for (const pod of podsOf(workflow).filter(wanted)) {
      if (started.has(pod.node.id)) continue;
      started.add(pod.node.id);
      merger.add(toMessages(pod));
    }
  };
  addNewPods();
  // New pods appear as the workflow runs: look again each second until it has ended.
  void (async () => {
    while (!signal.aborted && !isCompleted(workflow.status?.phase)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      try {
        workflow = await findWorkflow(cluster, namespace, workflowName);
      } catch {
        break;
      }
      addNewPods();
    }
    merger.close();
  })();
  yield* merger;
}
