import { ConfigObjectsPage } from '@/components/config/config-objects-page';

export default async function NamespacedConfigPage({ params }: { params: Promise<{ namespace: string }> }) {
  const { namespace } = await params;
  return <ConfigObjectsPage namespace={namespace} />;
}
