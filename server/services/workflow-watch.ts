import { STATUS_CODES } from 'node:http';
import { invalidArgument, toApiError } from '@/lib/api-error';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import type { KubeObject } from '@/lib/k8s/object';
import type { ObjectSummary } from '@/lib/k8s/object-summary';
import { cleanFields, type FieldCleaner, parseFields } from '@/lib/workflows/field-cleaner';
import { type FieldRequirement, matchesFields, parseFieldSelector } from '@/lib/workflows/field-selector';
import type { ClusterPort, WatchEvent } from '../cluster/cluster-port';
import { findWorkflow } from './workflow-service';

export interface WatchWorkflowsRequest {
  namespace: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Empty or "0": first an ADDED event per existing workflow, as a Kubernetes watch from "any" version. */
  resourceVersion?: string;
  fields?: string;
}

/** One message of argo-server's streams: `{"result":...}` or, ending the stream, `{"error":...}`. */
export type StreamMessage = { result: unknown } | { error: { grpc_code: number; http_code: number; message: string; http_status: string } };

const watchableFields = new Set(['metadata.name', 'metadata.namespace']);

function parseSelectors(request: WatchWorkflowsRequest) {
  let fields: FieldRequirement[];
  try {
    fields = parseFieldSelector(request.fieldSelector ?? '');
    for (const f of fields) {
      if (!watchableFields.has(f.field)) throw new Error(`field label not supported: ${f.field}`);
    }
    return { fields, labels: parseLabelSelector(request.labelSelector ?? '') };
  } catch (error) {
    throw invalidArgument((error as Error).message);
  }
}

/** The stream's error chunk, as grpc-gateway writes it. */
export function toErrorMessage(error: unknown): StreamMessage {
  const apiError = toApiError(error);
  const status = apiError.httpStatus;
  return { error: { grpc_code: apiError.code, http_code: status, message: apiError.message, http_status: STATUS_CODES[status] ?? '' } };
}

/**
 * Each watch event's message, by `fields`, while the event lives: the shared workflow watch hands the same event to
 * every open stream, so with 100 dashboards open a change is projected once (and serialised once,
 * server/api/event-stream.ts), not 100 times. Messages are shared: nothing may change them.
 */
const eventMessages = new WeakMap<WatchEvent, Map<string, StreamMessage>>();

function messageOf(event: WatchEvent, fields: string, cleaner: FieldCleaner): StreamMessage {
  let byFields = eventMessages.get(event);
  if (!byFields) eventMessages.set(event, (byFields = new Map()));
  let message = byFields.get(fields);
  if (!message) byFields.set(fields, (message = cleanFields(cleaner, { result: { type: event.type, object: event.object } })));
  return message;
}

const version = (o: ObjectSummary) => Number.parseInt(o.metadata.resourceVersion ?? '0', 10) || 0;

/**
 * Removes, in place, the events queued while the list was read that the list already shows (a change to a listed
 * workflow at or below its listed version). Later events are newer than the list, so nothing is kept per workflow
 * once this is done: keeping every listed version per client cost each open stream ~40 bytes per workflow.
 */
function dropListedEvents(pending: WatchEvent[], listed: ObjectSummary[]): void {
  if (!pending.length) return;
  const queuedUids = new Set(pending.map((e) => e.object.metadata.uid ?? ''));
  const listedVersions = new Map<string, number>();
  for (const item of listed) if (queuedUids.has(item.metadata.uid ?? '')) listedVersions.set(item.metadata.uid ?? '', version(item));
  const kept = pending.filter((event) => {
    const listedVersion = listedVersions.get(event.object.metadata.uid ?? '');
    return event.type === 'DELETED' || listedVersion === undefined || version(event.object) > listedVersion;
  });
  pending.splice(0, pending.length, ...kept);
}

/**
 * `GET /api/v1/workflow-events/{namespace}`: the workflows' watch events, as argo-server's `WatchWorkflows`. A
 * `metadata.name` selector is resolved first (so `@latest` works and a missing workflow ends the stream with a 404
 * error chunk). The store's watch starts before the initial list, and events already covered by the list are
 * skipped, so nothing is lost in between. `fields` projects each whole message (`result.object.status.phase`).
 */
export async function* watchWorkflows(cluster: ClusterPort, request: WatchWorkflowsRequest, signal: AbortSignal): AsyncGenerator<StreamMessage> {
  const cleaner = parseFields(request.fields);
  const pending: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  let selectors;
  try {
    selectors = parseSelectors(request);
    const byName = selectors.fields.find((f) => f.field === 'metadata.name' && f.operator === '=');
    if (byName) byName.value = (await findWorkflow(cluster, request.namespace, byName.value)).metadata.name ?? byName.value;
    await cluster.watch('workflows', request.namespace, (event) => {
      pending.push(event);
      wake?.();
    }, signal);
  } catch (error) {
    yield toErrorMessage(error);
    return;
  }
  const { fields, labels } = selectors;
  const matches = (o: ObjectSummary) =>
    matchesFields({ 'metadata.name': o.metadata.name ?? '', 'metadata.namespace': o.metadata.namespace ?? '' }, fields) &&
    matchesLabels(o.metadata.labels, labels);
  const message = (type: string, object: KubeObject): StreamMessage => cleanFields(cleaner, { result: { type, object } });

  const from = Number.parseInt(request.resourceVersion || '0', 10) || 0;
  try {
    // Summaries: only what the stream sends is read whole (a stream from the list's version parses nothing listed).
    const { items } = await cluster.listSummaries('workflows', request.namespace);
    dropListedEvents(pending, items);
    for (const item of items) if (matches(item) && version(item) > from) yield message(from ? 'MODIFIED' : 'ADDED', item.read());
  } catch (error) {
    yield toErrorMessage(error);
    return;
  }
  signal.addEventListener('abort', () => wake?.(), { once: true });
  while (!signal.aborted) {
    const event = pending.shift();
    if (!event) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    if (matches(event.object)) yield messageOf(event, request.fields ?? '', cleaner);
  }
}
