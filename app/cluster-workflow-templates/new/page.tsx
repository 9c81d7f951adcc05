import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default function NewClusterWorkflowTemplatePage() {
  return <ManifestEditor kind="ClusterWorkflowTemplate" />;
}
