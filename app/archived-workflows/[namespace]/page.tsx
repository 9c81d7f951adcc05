import { ArchivedList } from '@/components/archived/archived-list';

export default async function NamespacedArchivedWorkflowsPage({ params }: { params: Promise<{ namespace: string }> }) {
  const { namespace } = await params;
  return <ArchivedList namespace={namespace} />;
}
