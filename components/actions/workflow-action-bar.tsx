'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { archivedCopies } from '@/lib/workflows/archive-presence';
import { type WorkflowAction, actionBlocker, workflowActions } from '@/lib/workflows/available-actions';
import { actionTexts } from './action-texts';
import { ArchiveChoice } from './archive-choice';
import { ConfirmDialog } from './confirm-dialog';
import { ParameterOverrides, changedParameters } from './parameter-overrides';
import { useWorkflowAction } from './use-workflow-action';

/** The detail page's actions, each behind a confirmation; retry and resubmit can override parameters. */
export function WorkflowActionBar({ workflow }: { workflow: Workflow }) {
  const router = useRouter();
  const { namespace = '', name = '' } = workflow.metadata;
  const [pending, setPending] = useState<WorkflowAction | undefined>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [alsoArchive, setAlsoArchive] = useState(false);
  const copies = archivedCopies([workflow]);
  const mutation = useWorkflowAction(namespace);
  const parameters = workflow.spec?.arguments?.parameters ?? [];
  const close = () => { setPending(undefined); setValues({}); setAlsoArchive(false); mutation.reset(); };
  const confirm = () => {
    if (!pending) return;
    const overrides = pending === 'retry' || pending === 'resubmit' ? changedParameters(parameters, values) : [];
    mutation.mutate({ names: [name], action: pending, options: { parameters: overrides }, archivedCopies: copies, alsoArchive }, {
      onSuccess: (results) => {
        const action = pending;
        close();
        if (action === 'delete') router.push(`/workflows/${encodeURIComponent(namespace)}`);
        const created = results[0]?.result as KubeObject | undefined;
        if (action === 'resubmit' && created?.metadata?.name) router.push(`/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(created.metadata.name)}`);
      },
    });
  };
  const text = pending ? actionTexts[pending] : undefined;
  return (
    <div role="toolbar" aria-label="Workflow actions" className="flex flex-wrap gap-1.5">
      {workflowActions.map((action) => {
        const blocker = actionBlocker(workflow, action);
        const { label, danger } = actionTexts[action];
        return (
          <button
            key={action}
            type="button"
            disabled={Boolean(blocker)}
            title={blocker ?? actionTexts[action].explain}
            onClick={() => setPending(action)}
            className={`rounded-md border px-2.5 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-40 ${
              danger ? 'border-rose-300 text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950'
                : 'border-slate-300 text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            {label}
          </button>
        );
      })}
      <ConfirmDialog
        open={Boolean(pending)}
        title={text ? `${text.label} ${name}?` : ''}
        confirmLabel={text?.label ?? ''}
        danger={text?.danger}
        pending={mutation.isPending}
        error={mutation.error ? `Could not ${text?.verb} ${name}: ${mutation.error.message}` : undefined}
        onConfirm={confirm}
        onCancel={close}
      >
        <p>{text?.explain}</p>
        {pending === 'delete' ? <ArchiveChoice archived={Object.keys(copies).length} total={1} checked={alsoArchive} onChange={setAlsoArchive} /> : null}
        {pending === 'retry' || pending === 'resubmit' ? <ParameterOverrides parameters={parameters} values={values} onChange={setValues} /> : null}
      </ConfirmDialog>
    </div>
  );
}
