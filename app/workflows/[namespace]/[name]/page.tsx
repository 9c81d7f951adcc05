import { Suspense } from 'react';
import { WorkflowDetail } from '@/components/workflow-detail/workflow-detail';

export default async function WorkflowPage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  return (
    <Suspense>
      <WorkflowDetail key={`${namespace}/${name}`} namespace={namespace} name={name} />
    </Suspense>
  );
}
