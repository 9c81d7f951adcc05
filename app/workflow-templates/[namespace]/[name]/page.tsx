import { redirect } from 'next/navigation';
import { jobHref } from '@/components/jobs/job-ref';

// Argo's URL for a template lands on its job page, so links into Argo's UI keep working.
export default async function WorkflowTemplatePage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  redirect(jobHref({ kind: 'workflowtemplates', namespace: decodeURIComponent(namespace), name: decodeURIComponent(name) }));
}
