import { CronList } from '@/components/cron/cron-list';

export default async function NamespacedCronWorkflowsPage({ params }: { params: Promise<{ namespace: string }> }) {
  const { namespace } = await params;
  return <CronList namespace={namespace} />;
}
