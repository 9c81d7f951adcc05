import { ConfigObjectsPage } from '@/components/config/config-objects-page';

export default function ConfigPage() {
  return <ConfigObjectsPage />;
}
