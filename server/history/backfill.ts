import type { Workflow } from '@/lib/generated/argo';
import { workflowFacts } from '@/lib/history/build-facts';
import { type JobRef, buildNumberOf, jobKey, jobOfWorkflow } from '@/lib/history/job-ref';
import { compareForNumbering } from '@/lib/history/numbering';
import { decideTrigger } from '@/lib/history/trigger';
import type { KubeObject } from '@/lib/k8s/object';
import type { BuildStore } from './build-store';

type WorkflowObject = Workflow & KubeObject;

/**
 * First sight of builds that existed before numbering (live workflows and the archive): per job, those already
 * labelled keep their number when free, the rest are numbered in start order after the job's last number.
 * Returns how many builds were added; live workflows still need their labels written (the numberer does that).
 */
export async function backfillBuilds(store: BuildStore, live: WorkflowObject[], namespace: string): Promise<number> {
  const known = await store.knownUids(live.map((w) => w.metadata.uid ?? '').filter(Boolean));
  const candidates = [...live.filter((w) => w.metadata.uid && !known.has(w.metadata.uid)), ...(await store.unnumberedArchived(namespace))];
  const byJob = new Map<string, { job: JobRef; workflows: WorkflowObject[] }>();
  const seen = new Set<string>();
  for (const workflow of candidates) {
    const job = jobOfWorkflow(workflow);
    const uid = workflow.metadata.uid ?? '';
    if (!job || seen.has(uid)) continue;
    seen.add(uid);
    const entry = byJob.get(jobKey(job)) ?? { job, workflows: [] };
    entry.workflows.push(workflow);
    byJob.set(jobKey(job), entry);
  }
  let added = 0;
  for (const { job, workflows } of byJob.values()) {
    const ordered = workflows
      .map((workflow) => ({ workflow, facts: workflowFacts(workflow) }))
      .sort((a, b) => compareForNumbering({ ...a.facts, name: a.facts.workflowName }, { ...b.facts, name: b.facts.workflowName }));
    added += await store.backfill(job, ordered.map(({ workflow, facts }) => ({
      facts: { ...facts, trigger: decideTrigger(workflow) },
      labelled: buildNumberOf(workflow),
      copyTrigger: (of: number) => decideTrigger(workflow, { copyOf: of }),
    })));
  }
  return added;
}
