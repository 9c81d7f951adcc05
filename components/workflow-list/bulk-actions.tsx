'use client';
import { useMemo, useState } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import { archivedCopies } from '@/lib/workflows/archive-presence';
import type { WorkflowAction } from '@/lib/workflows/available-actions';
import { actionTexts } from '../actions/action-texts';
import { ArchiveChoice } from '../actions/archive-choice';
import { ConfirmDialog } from '../actions/confirm-dialog';
import { useWorkflowAction } from '../actions/use-workflow-action';

const bulkActions: WorkflowAction[] = ['resubmit', 'retry', 'suspend', 'resume', 'stop', 'terminate', 'delete'];

/** Actions on the selected workflows, one confirmation for all; failures are listed by workflow. */
export function BulkActions({ namespace, workflows, onDone }: { namespace: string; workflows: Pick<Workflow, 'metadata'>[]; onDone: () => void }) {
  const [pending, setPending] = useState<WorkflowAction | undefined>();
  const [alsoArchive, setAlsoArchive] = useState(false);
  const mutation = useWorkflowAction(namespace);
  const names = useMemo(() => workflows.map((w) => w.metadata.name ?? ''), [workflows]);
  const copies = useMemo(() => archivedCopies(workflows), [workflows]);
  if (names.length === 0) return null;
  const close = () => { setPending(undefined); setAlsoArchive(false); mutation.reset(); };
  const text = pending ? actionTexts[pending] : undefined;
  return (
    <div role="toolbar" aria-label="Actions on selected workflows" className="mb-3 flex flex-wrap items-center gap-1.5 rounded-lg bg-blue-50 px-3 py-2 text-sm ring-1 ring-blue-200 dark:bg-blue-950 dark:ring-blue-800">
      <span className="mr-2 font-medium">{names.length} selected</span>
      {bulkActions.map((action) => (
        <button
          key={action}
          type="button"
          onClick={() => setPending(action)}
          className={`rounded-md border bg-white px-2.5 py-1 text-xs font-medium dark:bg-slate-900 ${actionTexts[action].danger ? 'border-rose-300 text-rose-700 dark:text-rose-300' : 'border-slate-300 text-slate-700 dark:text-slate-200'}`}
        >
          {actionTexts[action].label}
        </button>
      ))}
      <button type="button" onClick={onDone} className="ml-auto text-xs text-slate-600 hover:underline dark:text-slate-300">Clear selection</button>
      <ConfirmDialog
        open={Boolean(pending)}
        title={text ? `${text.label} ${names.length} workflow${names.length === 1 ? '' : 's'}?` : ''}
        confirmLabel={text?.label ?? ''}
        danger={text?.danger}
        pending={mutation.isPending}
        error={mutation.error ? `Could not ${text?.verb} all of them: ${mutation.error.message}` : undefined}
        onConfirm={() => pending && mutation.mutate({ names, action: pending, archivedCopies: copies, alsoArchive }, { onSuccess: () => { close(); onDone(); } })}
        onCancel={close}
      >
        <p>{text?.explain}</p>
        <p className="mt-2 max-h-32 overflow-y-auto font-mono text-xs">{names.join(', ')}</p>
        {pending === 'delete' ? <ArchiveChoice archived={Object.keys(copies).length} total={names.length} checked={alsoArchive} onChange={setAlsoArchive} /> : null}
      </ConfirmDialog>
    </div>
  );
}
