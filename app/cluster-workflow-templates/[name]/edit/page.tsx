import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default async function EditClusterWorkflowTemplatePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <ManifestEditor kind="ClusterWorkflowTemplate" name={decodeURIComponent(name)} />;
}
