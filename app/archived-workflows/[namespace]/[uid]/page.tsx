import { ArchivedDetail } from '@/components/archived/archived-detail';

/** Argo's URL for an archived workflow: `/archived-workflows/{namespace}/{uid}`. */
export default async function ArchivedWorkflowPage({ params }: { params: Promise<{ namespace: string; uid: string }> }) {
  const { namespace, uid } = await params;
  return <ArchivedDetail namespace={namespace} uid={uid} />;
}
