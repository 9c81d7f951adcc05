import { WorkflowList } from '@/components/workflow-list/workflow-list';

export default function WorkflowsPage() {
  return <WorkflowList />;
}
