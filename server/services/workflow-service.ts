import { ApiError, GrpcCode, invalidArgument, isApiError, notFound } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { ObjectSummary } from '@/lib/k8s/object-summary';
import { cleanFields, parseFields } from '@/lib/workflows/field-cleaner';
import { type SubmitOptions, normaliseSubmittableKind, workflowFromSubmittable } from '@/lib/workflows/submit-from';
import { type WorkflowListParams, compareWorkflows, parseWorkflowListQuery, selectWorkflowPage } from '@/lib/workflows/workflow-list-query';
import { planMergedPage, withoutLiveCopies } from '@/lib/workflows/merged-list';
import { findArchive } from '../archive/archive-runtime';
import { parseArchiveListParams } from '../archive/archive-filter';
import type { ClusterPort } from '../cluster/cluster-port';
import { changeResource } from './change-resource';
import type { ApiCaller } from '@/lib/history/trigger';
import { withRecordedTrigger } from '@/lib/history/record-trigger';
import { numberCreated } from '../history/number-created';
import { checkValid } from './validation';
import { withInstanceLabel } from './instance-label';

type WorkflowObject = Workflow & KubeObject;

/** `GET /api/v1/workflows/{namespace}`: filtered, paged by offset and projected by `fields`, as argo-server. */
export async function listWorkflows(cluster: ClusterPort, params: WorkflowListParams & { labelSelector?: string; fields?: string }) {
  const query = parseWorkflowListQuery(params);
  const scope = query.namespaceNotEquals ? '' : query.namespace;
  // Summaries: only the workflows the page returns are read whole (from the cache, parsed; docs/api.md "Speed").
  const list = await cluster.listSummaries<WorkflowObject>('workflows', scope, { labelSelector: params.labelSelector });
  const archive = findArchive();
  let page: { items: Workflow[]; continue?: string };
  if (!archive) {
    const selected = selectWorkflowPage(list.items, query);
    page = { ...selected, items: selected.items.map((w) => w.read()) };
  } else {
    // As argo-server with persistence: the archive completes the list, one offset across both (docs/api.md).
    const plan = planMergedPage(list.items, query);
    let archived: Workflow[] = [];
    let archiveHasMore = false;
    if (plan.archive) {
      const options = parseArchiveListParams({ ...params, namespace: query.namespaceNotEquals ? params.namespace : query.namespace });
      // One more than asked tells whether more follow, without counting the archive.
      const asked = plan.archive.limit;
      archived = await archive.list({ ...options, offset: plan.archive.offset, limit: asked > 0 ? asked + 1 : 0 });
      archiveHasMore = asked > 0 && archived.length > asked;
      if (archiveHasMore) archived = archived.slice(0, asked);
    }
    const items = [...plan.live.map((w) => w.read()), ...withoutLiveCopies(archived, list.items)];
    const more = plan.liveHasMore || archiveHasMore;
    // The offset counts what the archive answered, so a copy left out does not shift the next page.
    page = { items, ...(more ? { continue: String(query.offset + plan.live.length + archived.length) } : {}) };
  }
  const body = {
    metadata: { resourceVersion: list.resourceVersion, ...(page.continue ? { continue: page.continue } : {}) },
    // argo-server writes an empty list as `null` (Go's nil slice).
    items: page.items.length ? page.items : null,
  };
  return cleanFields(parseFields(params.fields), body);
}

/** A workflow by name; `@latest` is the most recently created one in the namespace, as in the CLI. */
export async function findWorkflow(cluster: ClusterPort, namespace: string, name: string): Promise<WorkflowObject> {
  if (name !== '@latest') return cluster.get<WorkflowObject>('workflows', namespace, name);
  const { items } = await cluster.listSummaries<WorkflowObject>('workflows', namespace);
  const latest = items.sort(compareByCreation)[0];
  if (!latest) throw new ApiError(GrpcCode.NotFound, 'no workflows found');
  return latest.read();
}

function compareByCreation(a: ObjectSummary, b: ObjectSummary): number {
  return Date.parse(b.metadata.creationTimestamp ?? '') - Date.parse(a.metadata.creationTimestamp ?? '') || compareWorkflows(a, b);
}

/**
 * `GET /api/v1/workflows/{namespace}/{name}`: the live workflow, else (not found, or another uid than asked) the
 * archived one, as argo-server does with persistence; the live error when neither exists. Only a live "not found"
 * falls back, so a caller Kubernetes refuses gets its 403, not the archive.
 */
export async function getWorkflow(cluster: ClusterPort, namespace: string, name: string, options: { fields?: string; uid?: string } = {}) {
  let workflow: Workflow | undefined;
  let liveError: unknown;
  try {
    workflow = await findWorkflow(cluster, namespace, name);
    if (options.uid && workflow.metadata.uid !== options.uid) {
      workflow = undefined;
      liveError = notFound('workflows.argoproj.io', name);
    }
  } catch (error) {
    if (!(isApiError(error) && error.code === GrpcCode.NotFound) || name === '@latest') throw error;
    liveError = error;
  }
  if (!workflow) {
    const archive = findArchive();
    workflow = archive ? await archive.get(options.uid ? { uid: options.uid } : { namespace, name }).catch(() => undefined) : undefined;
    if (!workflow || (options.uid === undefined && workflow.metadata.name !== name)) throw liveError;
  }
  return cleanFields(parseFields(options.fields), workflow);
}

export interface CreateWorkflowRequest {
  workflow?: KubeObject;
  serverDryRun?: boolean;
  createOptions?: { dryRun?: string[] };
}

/** `POST /api/v1/workflows/{namespace}`: validates as argo-server, then creates (or only answers, for dry runs). */
export async function createWorkflow(cluster: ClusterPort, namespace: string, request: CreateWorkflowRequest, caller?: ApiCaller) {
  if (!request.workflow) throw invalidArgument('workflow body not specified');
  const workflow = { ...request.workflow, metadata: { ...request.workflow.metadata, namespace: request.workflow.metadata?.namespace || namespace } };
  await checkValid(cluster, 'Workflow', workflow, namespace, { lint: false });
  if (request.createOptions?.dryRun?.length || request.serverDryRun) return workflow;
  return numberCreated(await cluster.create('workflows', namespace, withInstanceLabel(withRecordedTrigger(workflow, caller))), caller);
}

/** `POST /api/v1/workflows/{namespace}/lint`: the workflow back when valid. */
export async function lintWorkflow(cluster: ClusterPort, namespace: string, workflow: KubeObject | undefined) {
  if (!workflow) throw new ApiError(GrpcCode.Unknown, 'unable to get a workflow');
  await checkValid(cluster, 'Workflow', workflow, workflow.metadata?.namespace || namespace, { lint: true }, GrpcCode.Unknown);
  return workflow;
}

/** `DELETE /api/v1/workflows/{namespace}/{name}`; `force` first removes finalizers so the deletion cannot hang. */
export async function deleteWorkflow(cluster: ClusterPort, namespace: string, name: string, force = false) {
  const workflow = await findWorkflow(cluster, namespace, name);
  const target = workflow.metadata.name ?? name;
  if (force && workflow.metadata.finalizers) {
    await changeResource<WorkflowObject>(cluster, 'workflows', namespace, target, (current) => {
      const metadata = { ...current.metadata };
      delete metadata.finalizers;
      return { ...current, metadata };
    });
  }
  await cluster.delete('workflows', namespace, target);
  return {};
}

/** Creates a Workflow from a WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow. */
export async function submitWorkflow(
  cluster: ClusterPort,
  namespace: string,
  request: { resourceKind: string; resourceName: string; submitOptions?: SubmitOptions },
  caller?: ApiCaller,
) {
  const kind = normaliseSubmittableKind(request.resourceKind);
  const plural = kind === 'WorkflowTemplate' ? 'workflowtemplates' : kind === 'CronWorkflow' ? 'cronworkflows' : 'clusterworkflowtemplates';
  const source = await cluster.get(plural, namespace, request.resourceName);
  const workflow = workflowFromSubmittable(kind, source, namespace, request.submitOptions);
  await checkValid(cluster, 'Workflow', workflow, namespace, { lint: false, submit: true });
  if (request.submitOptions?.dryRun || request.submitOptions?.serverDryRun) return workflow;
  return numberCreated(await cluster.create('workflows', namespace, withInstanceLabel(withRecordedTrigger(workflow, caller))), caller);
}
