import { invalidArgument } from '@/lib/api-error';
import { type LabelRequirement, parseLabelSelector, splitSelector } from '@/lib/k8s/label-selector';
import { parseWorkflowListQuery } from '@/lib/workflows/workflow-list-query';

/** A label requirement as the archive understands it: Kubernetes' operators plus `>` and `<` on integer values. */
export type ArchiveLabelRequirement = LabelRequirement | { key: string; operator: 'gt' | 'lt'; values: [string] };

/** What a list of archived workflows is filtered on: Argo's `sutils.ListOptions`. */
export interface ArchiveFilter {
  namespace?: string;
  namespaceNotEquals?: boolean;
  name?: string;
  /** How `name` matches: Exact (default), Prefix, Contains, NotEquals. */
  nameFilter?: string;
  namePrefix?: string;
  minStartedAt?: Date;
  maxStartedAt?: Date;
  createdAfter?: Date;
  finishedBefore?: Date;
  labels?: ArchiveLabelRequirement[];
}

export interface ArchiveListOptions extends ArchiveFilter {
  /** 0 lists everything. */
  limit: number;
  offset: number;
  showRemainingItemCount: boolean;
}

/** The query of `GET /api/v1/archived-workflows`, raw. */
export interface ArchiveListParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  namespace?: string;
  namePrefix?: string;
  nameFilter?: string;
  createdAfter?: string;
  finishedBefore?: string;
}

/** Parses the list query as argo-server's `BuildListOptions` (field selector, offset paging, label requirements). */
export function parseArchiveListParams(params: ArchiveListParams): ArchiveListOptions {
  const query = parseWorkflowListQuery({ ...params, namespace: params.namespace ?? '' });
  const remaining = (params.fieldSelector ?? '').split(',').find((s) => s.startsWith('ext.showRemainingItemCount'));
  const showRemainingItemCount = remaining ? parseGoBool(remaining.replace(/^ext\.showRemainingItemCount=?/, '')) : false;
  return {
    ...(query.namespace ? { namespace: query.namespace, namespaceNotEquals: query.namespaceNotEquals } : {}),
    ...(query.name ? { name: query.name, nameFilter: query.nameFilter } : {}),
    ...(params.namePrefix ? { namePrefix: params.namePrefix } : {}),
    ...(query.minStartedAt ? { minStartedAt: query.minStartedAt } : {}),
    ...(query.maxStartedAt ? { maxStartedAt: query.maxStartedAt } : {}),
    ...(query.createdAfter ? { createdAfter: query.createdAfter } : {}),
    ...(query.finishedBefore ? { finishedBefore: query.finishedBefore } : {}),
    labels: parseArchiveLabelSelector(params.labelSelector ?? ''),
    limit: query.limit,
    offset: query.offset,
    showRemainingItemCount,
  };
}

function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false;
  throw invalidArgument(`strconv.ParseBool: parsing "${text}": invalid syntax`);
}

/** Parses a label selector, with `key>N` and `key<N` as Kubernetes' selector grammar allows. */
export function parseArchiveLabelSelector(selector: string): ArchiveLabelRequirement[] {
  const requirements: ArchiveLabelRequirement[] = [];
  try {
    for (const part of splitSelector(selector)) {
      const compare = part.trim().match(/^([^\s<>=!(),]+)\s*([<>])\s*(\S+)$/);
      if (compare) {
        if (!/^-?\d+$/.test(compare[3]!)) throw new Error(`for 'gt', 'lt' operators, the value must be an integer`);
        requirements.push({ key: compare[1]!, operator: compare[2] === '>' ? 'gt' : 'lt', values: [compare[3]!] });
      } else requirements.push(...parseLabelSelector(part));
    }
  } catch (error) {
    throw invalidArgument((error as Error).message);
  }
  return requirements;
}
