import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default async function EditCronWorkflowPage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  return <ManifestEditor kind="CronWorkflow" namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
