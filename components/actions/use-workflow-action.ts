'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkflowAction } from '@/lib/workflows/available-actions';
import { useSettings } from '../settings-context';
import { type ActionOptions, requestWorkflowAction } from './request-workflow-action';

/** Runs an action on one or several workflows; the lists and the workflow refresh afterwards. */
export function useWorkflowAction(namespace: string) {
  const { baseHref } = useSettings();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ names, action, options, archivedCopies = {}, alsoArchive = false }: {
      names: string[];
      action: WorkflowAction;
      options?: ActionOptions;
      /** Delete: name to uid of the workflows that have an archived copy (`archivedCopies` in lib/workflows). */
      archivedCopies?: Record<string, string>;
      /** Delete: delete those archived copies too. */
      alsoArchive?: boolean;
    }) => {
      // One at a time, so a bulk action on hundreds of workflows does not flood the server; failures are listed.
      const results: { name: string; result?: unknown; error?: string }[] = [];
      for (const name of names) {
        try {
          const uid = archivedCopies[name];
          const archive = action === 'delete' && uid ? { uid, alsoArchive } : undefined;
          results.push({ name, result: await requestWorkflowAction(baseHref, namespace, name, action, { ...options, archive }) });
        } catch (error) {
          results.push({ name, error: (error as Error).message });
        }
      }
      const failed = results.filter((r) => r.error);
      if (failed.length === names.length && names.length === 1) throw new Error(failed[0]!.error);
      if (failed.length) throw new Error(`${failed.length} of ${names.length} failed: ${failed.map((f) => `${f.name}: ${f.error}`).join('; ')}`);
      return results;
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: ['argo', 'workflows', namespace] }),
      client.invalidateQueries({ queryKey: ['argo', 'archived-workflows'] }),
    ]),
  });
}
