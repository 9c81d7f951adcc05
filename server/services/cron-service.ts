import { ApiError, GrpcCode } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { changeResource } from './change-resource';
import { toListBody } from './resource-lists';
import { checkValid } from './validation';
import { withInstanceLabel } from './instance-label';

type CronObject = KubeObject & { spec?: Record<string, unknown> };

export async function listCronWorkflows(cluster: ClusterPort, namespace: string, options: ListOptions) {
  return toListBody(await cluster.list('cronworkflows', namespace, options));
}

export function getCronWorkflow(cluster: ClusterPort, namespace: string, name: string) {
  return cluster.get('cronworkflows', namespace, name);
}

function required(cron: KubeObject | undefined): KubeObject {
  // argo-server answers NotFound here, not InvalidArgument.
  if (!cron?.metadata) throw new ApiError(GrpcCode.NotFound, 'cron workflow was not found in the request body');
  return cron;
}

export async function createCronWorkflow(cluster: ClusterPort, namespace: string, cron: KubeObject | undefined) {
  const body = required(cron);
  await checkValid(cluster, 'CronWorkflow', body, namespace, {});
  return cluster.create('cronworkflows', namespace, withInstanceLabel({ ...body, metadata: { ...body.metadata, namespace } }));
}

export async function updateCronWorkflow(cluster: ClusterPort, namespace: string, name: string, cron: KubeObject | undefined) {
  const body = required(cron);
  await cluster.get('cronworkflows', namespace, name);
  await checkValid(cluster, 'CronWorkflow', body, namespace, {});
  return cluster.update('cronworkflows', namespace, { ...body, metadata: { ...body.metadata, name, namespace } });
}

export async function deleteCronWorkflow(cluster: ClusterPort, namespace: string, name: string) {
  await cluster.get('cronworkflows', namespace, name);
  await cluster.delete('cronworkflows', namespace, name);
  return {};
}

export async function lintCronWorkflow(cluster: ClusterPort, namespace: string, cron: KubeObject | undefined) {
  const body = required(cron);
  await checkValid(cluster, 'CronWorkflow', body, namespace, {});
  return body;
}

/** `argo cron suspend` / `resume`: sets `spec.suspend`, which the cron controller honours before each schedule. */
export function setCronSuspended(cluster: ClusterPort, namespace: string, name: string, suspend: boolean) {
  return changeResource<CronObject>(cluster, 'cronworkflows', namespace, name, (cron) => ({ ...cron, spec: { ...cron.spec, suspend } }));
}
