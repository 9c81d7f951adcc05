import { redirect } from 'next/navigation';
import { jobHref } from '@/components/jobs/job-ref';

// Argo's URL for a cron workflow lands on its job page, so links into Argo's UI keep working.
export default async function CronWorkflowPage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  redirect(jobHref({ kind: 'cronworkflows', namespace: decodeURIComponent(namespace), name: decodeURIComponent(name) }));
}
