import { CronList } from '@/components/cron/cron-list';

export default function CronWorkflowsPage() {
  return <CronList />;
}
