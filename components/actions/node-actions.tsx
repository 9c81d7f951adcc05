'use client';
import { useState } from 'react';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import { canRetryFromNode, nodeSelector } from '@/lib/workflows/available-actions';
import { isActiveSuspendNode } from '@/lib/workflows/suspended-nodes';
import { ConfirmDialog } from './confirm-dialog';
import { ParameterOverrides, changedParameters } from './parameter-overrides';
import { useWorkflowAction } from './use-workflow-action';

type NodeAction = 'retry' | 'resume';

/** Actions on one node: retry the workflow from it, or resume it when it is a suspend node waiting. */
export function NodeActions({ workflow, node }: { workflow: Workflow; node: NodeStatus }) {
  const { namespace = '', name = '' } = workflow.metadata;
  const [pending, setPending] = useState<NodeAction | undefined>();
  const [values, setValues] = useState<Record<string, string>>({});
  const mutation = useWorkflowAction(namespace);
  const parameters = workflow.spec?.arguments?.parameters ?? [];
  const available: NodeAction[] = [];
  if (canRetryFromNode(workflow, node)) available.push('retry');
  if (isActiveSuspendNode(node)) available.push('resume');
  if (available.length === 0) return null;
  const close = () => { setPending(undefined); setValues({}); mutation.reset(); };
  const confirm = () => {
    if (!pending) return;
    const options = { nodeFieldSelector: nodeSelector(node), parameters: pending === 'retry' ? changedParameters(parameters, values) : [] };
    mutation.mutate({ names: [name], action: pending, options }, { onSuccess: close });
  };
  const label = (a: NodeAction) => (a === 'retry' ? 'Retry from here' : 'Resume');
  return (
    <div className="mt-3 flex gap-2">
      {available.map((action) => (
        <button key={action} type="button" onClick={() => setPending(action)} className="rounded-md bg-blue-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-blue-700">
          {label(action)}
        </button>
      ))}
      <ConfirmDialog
        open={Boolean(pending)}
        title={pending === 'retry' ? `Retry ${name} from ${node.displayName ?? node.name}?` : `Resume ${node.displayName ?? node.name}?`}
        confirmLabel={pending ? label(pending) : ''}
        pending={mutation.isPending}
        error={mutation.error ? `Could not ${pending === 'retry' ? 'retry' : 'resume'}: ${mutation.error.message}` : undefined}
        onConfirm={confirm}
        onCancel={close}
      >
        <p>
          {pending === 'retry'
            ? 'This node and everything after it run again, even if they succeeded; the steps before it keep their results.'
            : 'The suspend step completes and the workflow carries on.'}
        </p>
        {pending === 'retry' ? <ParameterOverrides parameters={parameters} values={values} onChange={setValues} /> : null}
      </ConfirmDialog>
    </div>
  );
}
