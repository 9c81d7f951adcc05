import { ApiDocs } from '@/components/apidocs/api-docs';

export default function ApiDocsPage() {
  return <ApiDocs />;
}
