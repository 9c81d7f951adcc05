import { ApiError, GrpcCode, invalidArgument, toApiError } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { resubmitWorkflow } from '@/lib/workflows/resubmit-workflow';
import { retryWorkflow } from '@/lib/workflows/retry-workflow';
import { compareWorkflows } from '@/lib/workflows/workflow-list-query';
import { type ArchiveListParams, parseArchiveListParams, parseArchiveLabelSelector } from '../archive/archive-filter';
import type { WorkflowArchive } from '../archive/workflow-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import { newCreateContext } from '../cluster/random-names';
import { checkValid } from './validation';
import { numberCreated } from '../history/number-created';
import { withInstanceLabel } from './instance-label';

// argo-server's ArchivedWorkflowService (server/workflowarchive/archived_workflow_server.go). Without a configured
// archive it answers as argo-server with its null archive: empty lists, and errors for reads and deletes.
type WorkflowObject = Workflow & KubeObject;

/** argo-server wraps plain errors of these calls as Internal; API errors keep their code. */
async function internal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}

/** `GET /api/v1/archived-workflows`: newest started first, paged by offset; each page in Argo's `Workflows.Less` order. */
export async function listArchivedWorkflows(archive: WorkflowArchive | undefined, params: ArchiveListParams) {
  const options = parseArchiveListParams(params);
  if (!archive) return { metadata: {}, items: null };
  const { limit, offset } = options;
  const loadAll = limit === 0;
  // One more than asked tells whether another page follows.
  let items = await internal(() => archive.list({ ...options, limit: loadAll ? 0 : limit + 1 }));
  const metadata: { continue?: string; remainingItemCount?: number } = {};
  if (options.showRemainingItemCount && !loadAll) {
    const total = await internal(() => archive.count(options));
    metadata.remainingItemCount = Math.max(0, total - offset - items.length + (items.length > limit ? 1 : 0));
  }
  if (!loadAll && items.length > limit) {
    items = items.slice(0, limit);
    metadata.continue = String(offset + limit);
  }
  // grpc-gateway writes an empty list as null.
  return { metadata, items: items.length ? items.sort(compareWorkflows) : null };
}

export interface ArchivedWorkflowRef {
  uid: string;
  namespace?: string;
  name?: string;
}

/** `GET /api/v1/archived-workflows/{uid}`: by uid, or the latest by namespace and name when the uid is empty. */
export async function getArchivedWorkflow(archive: WorkflowArchive | undefined, ref: ArchivedWorkflowRef): Promise<WorkflowObject> {
  if (!archive) throw new ApiError(GrpcCode.Internal, 'getting archived workflows not supported');
  if (!ref.uid && (!ref.name || !ref.namespace)) throw invalidArgument('both name and namespace are required if uid is not specified');
  const by = ref.uid ? { uid: ref.uid } : { namespace: ref.namespace!, name: ref.name! };
  const workflow = await internal(() => archive.get(by));
  if (!workflow) throw new ApiError(GrpcCode.NotFound, 'not found');
  return workflow as WorkflowObject;
}

/** `DELETE /api/v1/archived-workflows/{uid}`. */
export async function deleteArchivedWorkflow(archive: WorkflowArchive | undefined, ref: ArchivedWorkflowRef) {
  const workflow = await getArchivedWorkflow(archive, ref.name ? { uid: '', namespace: ref.namespace, name: ref.name } : { uid: ref.uid });
  await internal(() => archive!.delete(workflow.metadata.uid ?? ''));
  return {};
}

/** Label keys or values as argo-server writes them: `{}` when there are none. */
const toLabelList = (items: string[]) => (items.length ? { items } : {});

/** `GET /api/v1/archived-workflows-label-keys`. */
export async function listArchivedLabelKeys(archive: WorkflowArchive | undefined) {
  return toLabelList(archive ? await internal(() => archive.labelKeys()) : []);
}

/** `GET /api/v1/archived-workflows-label-values?listOptions.labelSelector=key`: exactly one `exists` requirement. */
export async function listArchivedLabelValues(archive: WorkflowArchive | undefined, labelSelector: string, disabledKeys?: string) {
  const requirements = parseArchiveLabelSelector(labelSelector);
  if (requirements.length !== 1) throw invalidArgument(`only allow 1 labelRequirement, found ${requirements.length}`);
  const [requirement] = requirements as [(typeof requirements)[number]];
  if (requirement.operator !== 'exists') throw invalidArgument(`operation ${requirement.operator} is not supported`);
  // DISABLE_VALUE_LIST_RETRIEVAL_KEY_PATTERN: keys whose values are not worth listing.
  if (disabledKeys && new RegExp(disabledKeys).test(requirement.key)) return {};
  return toLabelList(archive ? await internal(() => archive.labelValues(requirement.key)) : []);
}

export interface ResubmitArchivedRequest extends ArchivedWorkflowRef {
  memoized?: boolean;
  parameters?: string[];
}

/** `PUT /api/v1/archived-workflows/{uid}/resubmit`: a new workflow from the archived one's spec, as `argo resubmit`. */
export async function resubmitArchivedWorkflow(cluster: ClusterPort, archive: WorkflowArchive | undefined, request: ResubmitArchivedRequest) {
  const archived = await getArchivedWorkflow(archive, request.name ? request : { uid: request.uid });
  const namespace = request.namespace || archived.metadata.namespace || '';
  const created = await internal(async () => resubmitWorkflow(archived, {
    memoized: request.memoized, parameters: request.parameters, now: new Date(), nameSuffix: newCreateContext().nameSuffix,
  }));
  const object = { ...created, metadata: { ...created.metadata, namespace } } as WorkflowObject;
  await checkValid(cluster, 'Workflow', object, namespace, { lint: false, submit: true });
  return numberCreated(await internal(() => cluster.create('workflows', namespace, withInstanceLabel(object))));
}

export interface RetryArchivedRequest extends ArchivedWorkflowRef {
  restartSuccessful?: boolean;
  nodeFieldSelector?: string;
  parameters?: string[];
}

/**
 * `PUT /api/v1/archived-workflows/{uid}/retry`: when no live workflow has its name, the archived one is re-created
 * with its failed part reset (`FormulateRetryWorkflow`), under the same name and a new uid.
 */
export async function retryArchivedWorkflow(cluster: ClusterPort, archive: WorkflowArchive | undefined, request: RetryArchivedRequest) {
  const archived = await getArchivedWorkflow(archive, request.name ? request : { uid: request.uid });
  const namespace = request.namespace || archived.metadata.namespace || '';
  const exists = await cluster.get('workflows', namespace, archived.metadata.name ?? '').then(
    () => true,
    (error: unknown) => {
      if (toApiError(error).code === GrpcCode.NotFound) return false;
      throw toApiError(error);
    },
  );
  if (exists) throw new ApiError(GrpcCode.AlreadyExists, 'Workflow already exists on cluster, use argo retry {name} instead');
  const { workflow } = await internal(async () => retryWorkflow(archived, { ...request, now: new Date() }));
  const metadata = { ...workflow.metadata, namespace };
  for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields'] as const) delete metadata[field];
  return numberCreated(await internal(() => cluster.create('workflows', namespace, withInstanceLabel({ ...workflow, metadata } as WorkflowObject))));
}
