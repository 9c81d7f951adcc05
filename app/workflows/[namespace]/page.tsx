import { WorkflowList } from '@/components/workflow-list/workflow-list';

export default async function NamespacedWorkflowsPage({ params }: { params: Promise<{ namespace: string }> }) {
  const { namespace } = await params;
  return <WorkflowList namespace={namespace} />;
}
