import { ManifestEditor } from '@/components/manifests/manifest-editor';

export default function NewCronWorkflowPage() {
  return <ManifestEditor kind="CronWorkflow" />;
}
