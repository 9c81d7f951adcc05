import { WorkflowList } from '@/components/workflow-list';

export default function HomePage() {
  return <WorkflowList />;
}
