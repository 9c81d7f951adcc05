import { TemplateList } from '@/components/template-list';

export default function WorkflowTemplatesPage() {
  return <TemplateList />;
}
