'use client';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { KubeObject } from '@/lib/k8s/object';
import { type ListEventOptions, type ListOf, type WatchEventOf, applyListEvent, applyObjectEvent } from '@/lib/watch/apply-watch-event';
import { apiUrl } from '../api-client';
import { type StreamState, useEventStream } from './use-event-stream';

/** The URL of argo-server's workflow watch for a namespace, narrowed by name or labels. */
export function workflowEventsUrl(baseHref: string, namespace: string, selectors: { name?: string; labelSelector?: string; resourceVersion?: string } = {}): string {
  const query = new URLSearchParams();
  if (selectors.resourceVersion) query.set('listOptions.resourceVersion', selectors.resourceVersion);
  if (selectors.name) query.set('listOptions.fieldSelector', `metadata.name=${selectors.name}`);
  if (selectors.labelSelector) query.set('listOptions.labelSelector', selectors.labelSelector);
  const search = query.toString();
  return apiUrl(baseHref, `api/v1/workflow-events/${encodeURIComponent(namespace)}?${search}`);
}

/** Keeps one workflow's query up to date from the watch stream; a deletion refetches (and so shows not found). */
export function useWorkflowWatch(baseHref: string, namespace: string, name: string, queryKey: QueryKey, enabled = true): StreamState {
  const client = useQueryClient();
  const onResult = useCallback(
    (event: WatchEventOf) => {
      if (event.type === 'DELETED') {
        void client.invalidateQueries({ queryKey });
        return;
      }
      client.setQueryData<KubeObject>(queryKey, (old) => applyObjectEvent(old, event));
    },
    // queryKey is rebuilt each render by the caller; its content is what matters.
    [client, JSON.stringify(queryKey)],
  );
  return useEventStream(enabled ? workflowEventsUrl(baseHref, namespace, { name }) : undefined, onResult);
}

/**
 * Follows a stream and hands its results over in batches, once per animation frame: events arriving in a burst
 * (hundreds of workflows changing at once) are applied together, so the page renders once. `onBatch` may change
 * between renders without reopening the stream.
 */
export function useBatchedEventStream<T>(url: string | undefined, onBatch: (results: T[]) => void): StreamState {
  const pending = useRef<T[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const latest = useRef(onBatch);
  latest.current = onBatch;
  useEffect(() => () => { if (frame.current !== undefined) cancelAnimationFrame(frame.current); }, []);
  const onResult = useCallback((result: T) => {
    pending.current.push(result);
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      const results = pending.current;
      pending.current = [];
      latest.current(results);
    });
  }, []);
  return useEventStream(url, onResult);
}

/** Pushes a namespace's workflow events into one list page's query, a burst at a time. */
export function useWorkflowListWatch<T extends KubeObject>(
  url: string | undefined,
  queryKey: QueryKey,
  options: ListEventOptions<T>,
): StreamState {
  const client = useQueryClient();
  return useBatchedEventStream<WatchEventOf<T>>(url, (events) => {
    client.setQueryData<ListOf<T>>(queryKey, (old) => (old ? events.reduce((list, e) => applyListEvent(list, e, options), old) : old));
  });
}
