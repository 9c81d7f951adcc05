import type { CoreV1Api, CoreV1Event } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { KubeCluster } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import type { CapstanProcess } from '../testing/capstan-process';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// The Kubernetes Events Capstan's controller records for a workflow (issue #5: "with Argo's names"), compared with
// those Argo v3.7.9's controller records for the same workflow in the oracle namespace.
const bed = testBed();
let kube: KubeModeCapstan;
let namespace: string;
let capstan: CapstanProcess;
let cluster: KubeCluster;
let core: CoreV1Api;

const until = untilWith({ timeoutMs: 60_000, output: () => capstan?.output() });
const finished = (w: Workflow | undefined) => ['Succeeded', 'Failed', 'Error'].includes(w?.status?.phase ?? '');

const container = (name: string, exitCode = 0) => ({
  name, ...(exitCode ? { metadata: { annotations: { 'kwok.capstan.test/exit-code': String(exitCode) } } } : {}),
  container: { image: 'busybox', command: ['sh', '-c', `exit ${exitCode}`] },
});
const workflows = {
  'one-pod': { entrypoint: 'main', templates: [container('main')] },
  'failing-steps': {
    entrypoint: 'main',
    templates: [{ name: 'main', steps: [[{ name: 'first', template: 'ok' }], [{ name: 'second', template: 'fail' }]] }, container('ok'), container('fail', 3)],
  },
  // Refused before it runs: WorkflowFailed alone, with the validation message.
  'invalid': { entrypoint: 'missing', templates: [container('main')] },
  // 12 parallel tasks: more than 10 distinct node messages per reason, so client-go combines the rest.
  'wide-dag': {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: Array.from({ length: 12 }, (_, i) => ({ name: `t${i}`, template: 'ok' })) } },
      container('ok'),
    ],
  },
};

/** An Event as compared: what does not depend on which controller or namespace recorded it, or when. */
const comparable = (event: CoreV1Event) => {
  const annotations = { ...event.metadata.annotations };
  const startTime = annotations['workflows.argoproj.io/node-start-time'];
  if (startTime) annotations['workflows.argoproj.io/node-start-time'] = /^\d{19}$/.test(startTime) ? 'unix nanoseconds' : startTime;
  return {
    type: event.type, reason: event.reason, message: event.message, annotations,
    source: event.source?.component, reportingComponent: event.reportingComponent ?? '',
    involvedObject: { apiVersion: event.involvedObject.apiVersion, kind: event.involvedObject.kind, name: event.involvedObject.name, hasUid: !!event.involvedObject.uid },
    nameMatches: event.metadata.name?.startsWith(`${event.involvedObject.name}.`),
  };
};
const byContent = (a: { reason?: string; message?: string }, b: { reason?: string; message?: string }) =>
  `${a.reason} ${a.message}`.localeCompare(`${b.reason} ${b.message}`);

async function run(ns: string, name: string, spec: object) {
  await cluster.create('workflows', ns, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name }, spec } as unknown as KubeObject);
  await until(`${ns}/${name} finishes`, () => cluster.get<Workflow & KubeObject>('workflows', ns, name), finished);
  return settledEvents(ns, name, 1);
}

/** The workflow's Events once both are written: `completions` completion Events in and nothing changed for a second. */
async function settledEvents(ns: string, name: string, completions: number): Promise<CoreV1Event[]> {
  const read = async () => (await core.listNamespacedEvent({ namespace: ns, fieldSelector: `involvedObject.name=${name}` })).items
    .filter((e) => e.source?.component === 'workflow-controller');
  // Both write Events in the background: wait until the completion Event is in and nothing changed for a second.
  let previous = '';
  return until(`${ns}/${name}'s Events settle`, async () => {
    const events = await read();
    const key = JSON.stringify(events.map((e) => [e.metadata.name, e.count]));
    const done = events.filter((e) => e.reason === 'WorkflowSucceeded' || e.reason === 'WorkflowFailed').reduce((sum, e) => sum + (e.count ?? 1), 0);
    const settled = key === previous && done >= completions;
    previous = key;
    await new Promise((r) => setTimeout(r, 800));
    return settled ? events : undefined;
  }, (events) => events !== undefined) as Promise<CoreV1Event[]>;
}

async function retry(server: string, ns: string, name: string) {
  await argoCli(bed.argoBin(), server, ['retry', '-n', ns, name]);
  return settledEvents(ns, name, 2);
}

beforeAll(async () => {
  kube = await startKubeMode('wf-events');
  ({ namespace, cluster, capstan, core } = kube);
});
afterAll(async () => {
  await kube?.stop();
});

describe("a workflow's Kubernetes Events, as Argo's controller records them", () => {
  for (const [kind, spec] of Object.entries(workflows)) {
    it(`${kind}: the same Events as Argo's`, async () => {
      const name = `${kind}-${Date.now().toString(36)}`;
      const [ours, argo] = await Promise.all([run(namespace, name, spec), run(bed.oracleNamespace(), name, spec)]);
      if (kind === 'wide-dag') {
        // Which 9 node messages get Events of their own depends on the order the pods finish; compare the shape.
        const shape = (events: CoreV1Event[]) => [...new Set(events.map((e) => `${e.type} ${e.reason}`))].sort().map((reason) => {
          const list = events.filter((e) => `${e.type} ${e.reason}` === reason);
          const combined = list.filter((e) => e.message?.startsWith('(combined from similar events): ')).length;
          return [reason, list.length, combined, list.reduce((sum, e) => sum + (e.count ?? 0), 0)];
        });
        expect(shape(ours)).toEqual(shape(argo));
        const combined = ours.find((e) => e.reason === 'WorkflowNodeSucceeded' && e.message?.startsWith('(combined'));
        expect(combined).toBeDefined();
        // Its message is the newest node's, which depends on the order too: Argo walks the nodes that finished in one
        // reconcile in Go's map order, so the DAG's own node, finishing with the last task, may come after it.
        const anyNode = (event: CoreV1Event) => ({ ...comparable(event), message: event.message?.replace(new RegExp(`${name}(\\.t\\d+)?$`), '(a node)') });
        expect(anyNode(combined!)).toEqual(anyNode(argo.find((e) => e.reason === 'WorkflowNodeSucceeded' && e.message?.startsWith('(combined'))!));
        expect(combined!.message).toMatch(/^\(combined from similar events\): Succeeded node /);
        return;
      }
      if (kind === 'invalid') {
        // The validation message differs (not the Events): Capstan's validator names the field, `invalid spec:
        // spec.entrypoint: template name 'missing' undefined`, where Argo says `invalid spec: template name 'missing' undefined`.
        const withoutMessage = (events: CoreV1Event[]) => events.map((e) => ({ ...comparable(e), message: e.message?.replace(/^invalid spec: (spec\.entrypoint: )?/, 'invalid spec: ') }));
        expect(withoutMessage(ours)).toEqual(withoutMessage(argo));
        expect(ours.map((e) => e.reason)).toEqual(['WorkflowFailed']);
        return;
      }
      expect(ours.map(comparable).sort(byContent)).toEqual(argo.map(comparable).sort(byContent));
      expect(ours.map((e) => [e.reason, e.count]).sort()).toEqual(argo.map((e) => [e.reason, e.count]).sort());
    });
  }

  it('failing steps retried (argo retry): the same Events as Argo\'s, repeated ones counted', async () => {
    const name = `retried-${Date.now().toString(36)}`;
    await Promise.all([run(namespace, name, workflows['failing-steps']), run(bed.oracleNamespace(), name, workflows['failing-steps'])]);
    const [ours, argo] = await Promise.all([retry(`127.0.0.1:${capstan.port}`, namespace, name), retry(bed.argoServer(), bed.oracleNamespace(), name)]);
    expect(ours.map(comparable).sort(byContent)).toEqual(argo.map(comparable).sort(byContent));
    // Argo v4.1.2's retry clears the phase (createNewRetryWorkflow), so its controller marks the workflow Running again
    // and records WorkflowRunning a second time, as Capstan does; the oracle, v3.7.9, set Running in the server.
    const counts = (events: CoreV1Event[]) => events.filter((e) => e.reason !== 'WorkflowRunning').map((e) => [e.reason, e.message, e.count]).sort();
    expect(counts(ours)).toEqual(counts(argo));
    expect(ours.find((e) => e.reason === 'WorkflowFailed')?.count).toBe(2);
    expect([ours, argo].map((events) => events.find((e) => e.reason === 'WorkflowRunning')?.count)).toEqual([2, 1]);
  });

  // Capstan's side only: the oracle's ConfigMap is shared by the other tests on the bed.
  it('nodeEvents.sendAsPod: Pod nodes\' Events are about their pod, naming the workflow; workflowEvents.enabled false: none', async () => {
    await core.createNamespacedConfigMap({
      namespace, body: { metadata: { name: 'workflow-controller-configmap' }, data: { nodeEvents: 'sendAsPod: true', workflowEvents: 'enabled: false' } },
    });
    await until('configuration read', async () => capstan.output(), (out) => out.includes('controller configuration changed'));
    const name = `as-pod-${Date.now().toString(36)}`;
    await cluster.create('workflows', namespace, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name }, spec: workflows['failing-steps'] } as unknown as KubeObject);
    const workflow = await until(`${name} finishes`, () => cluster.get<Workflow & KubeObject>('workflows', namespace, name), finished);
    const read = async () => (await core.listNamespacedEvent({ namespace })).items.filter((e) => e.source?.component === 'workflow-controller'
      && (e.involvedObject.name === name || e.metadata.annotations?.['workflows.argoproj.io/workflow-name'] === name));
    const events = await until(`${name}'s node Events`, read, (list) => list.filter((e) => e.reason === 'WorkflowNodeFailed').length === 3);
    expect(events.some((e) => e.reason?.startsWith('Workflow') && !e.reason.startsWith('WorkflowNode'))).toBe(false);
    const aboutPods = events.filter((e) => e.involvedObject.kind === 'Pod');
    // A pod seen finishing before it was seen running gets its Running Event with the node's message (as in Argo).
    expect(aboutPods.map((e) => e.message?.replace(/^(Running node \S+): .*$/, '$1')).sort()).toEqual([
      `Failed node ${name}[1].second: main: Error (exit code 3)`, `Running node ${name}[0].first`, `Running node ${name}[1].second`, `Succeeded node ${name}[0].first`,
    ]);
    const pod = await core.readNamespacedPod({ namespace, name: aboutPods[0]!.involvedObject.name ?? '' });
    for (const event of aboutPods) {
      expect(event.involvedObject).toMatchObject({ apiVersion: 'v1', kind: 'Pod', namespace });
      expect(event.metadata.annotations).toMatchObject({
        'workflows.argoproj.io/workflow-name': name, 'workflows.argoproj.io/workflow-uid': workflow.metadata.uid, 'workflows.argoproj.io/node-type': 'Pod',
      });
    }
    expect(aboutPods.some((e) => e.involvedObject.uid === pod.metadata?.uid)).toBe(true);
    // Steps and step-group nodes have no pod: their Events stay about the workflow.
    expect(events.filter((e) => e.involvedObject.kind === 'Workflow')).toHaveLength(events.length - 4);
  });
});
