import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default function NewWorkflowTemplatePage() {
  return <ManifestEditor kind="WorkflowTemplate" />;
}
