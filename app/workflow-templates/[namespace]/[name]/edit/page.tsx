import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default async function EditWorkflowTemplatePage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  return <ManifestEditor kind="WorkflowTemplate" namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
