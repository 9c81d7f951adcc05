import { redirect } from 'next/navigation';
import { jobHref } from '@/components/jobs/job-ref';

// Argo's URL for a cluster template lands on its job page, so links into Argo's UI keep working.
export default async function ClusterWorkflowTemplatePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  redirect(jobHref({ kind: 'clusterworkflowtemplates', namespace: '', name: decodeURIComponent(name) }));
}
