import { ArchivedList } from '@/components/archived/archived-list';

export default function ArchivedWorkflowsPage() {
  return <ArchivedList />;
}
