import { SubmitWorkflow } from '@/components/submit/submit-workflow';

export default function SubmitPage() {
  return <SubmitWorkflow />;
}
