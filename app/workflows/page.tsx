import { WorkflowList } from '@/components/workflow-list';

export default function WorkflowsPage() {
  return <WorkflowList />;
}
